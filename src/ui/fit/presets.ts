/**
 * Model configurations offered in the setup: PERI's statemaker defaults scaled to the crop (made
 * by the engine), or the presets served with the app (`public/demo-data/presets/`). A preset's
 * `image` block names a file on disk and is dropped: the open volume is the image.
 */
import type { StatemakerChoices, Vec3 } from '../../workers/protocol';
import { getEngine } from '../engine/engine';
import type { PresetId } from './setup-draft';

export async function presetConfigText(preset: PresetId, shape: Vec3, choices: StatemakerChoices): Promise<string> {
  if (preset === 'statemaker') return JSON.stringify(await getEngine().periDefaultConfig(shape, choices), null, 1);
  const url = `${import.meta.env.BASE_URL}demo-data/presets/${preset}.json`;
  const res = await fetch(url);
  const html = (res.headers.get('content-type') ?? '').includes('text/html');
  if (!res.ok || html) throw new Error(`the preset ${preset} was not found on the server (${url}, HTTP ${res.status}).`);
  const config = (await res.json()) as Record<string, unknown>;
  delete config.image;
  return JSON.stringify(config, null, 1);
}

export interface ComponentLine {
  category: string;
  className: string;
}

/** The components a configuration text names (for the summary), or null when it does not parse. */
export function componentLines(configText: string): ComponentLine[] | null {
  try {
    const cfg = JSON.parse(configText) as { components?: { class?: string; args?: { category?: string }; components?: { class?: string }[] }[] };
    return (cfg.components ?? []).map((c) => ({
      category: c.args?.category ?? defaultCategory(c.class ?? ''),
      className: c.components ? `${c.class}(${c.components.map((m) => m.class).join(' + ')})` : (c.class ?? '?'),
    }));
  } catch {
    return null;
  }
}

function defaultCategory(cls: string): string {
  if (/PSF|Gaussian/.test(cls)) return 'psf';
  if (cls === 'GlobalScalar') return 'offset';
  if (/Spheres|Slab/.test(cls)) return 'obj';
  return 'ilm';
}
