/**
 * WGSL has no includes. A kernel names the shared snippets it needs (src/shaders/common/*.wgsl) with
 * a directive line, `//!include grid complex`; `resolveIncludes` replaces the line by the snippets'
 * source. Each snippet goes in once per kernel even when several lines (or other snippets) name
 * it, so snippets may include each other. The pipeline cache resolves every kernel's source, so
 * host wrappers pass the file as imported.
 */
import butterflies from '../../shaders/common/butterflies.wgsl';
import chunkMoments from '../../shaders/common/chunk-moments.wgsl';
import complex from '../../shaders/common/complex.wgsl';
import floatBits from '../../shaders/common/float-bits.wgsl';
import grid from '../../shaders/common/grid.wgsl';
import histogramSlot from '../../shaders/common/histogram-slot.wgsl';
import realPairs from '../../shaders/common/real-pairs.wgsl';
import voxel from '../../shaders/common/voxel.wgsl';
import workgroupSum from '../../shaders/common/workgroup-sum.wgsl';

/** The snippets a kernel may include, by name (the file's basename). */
export const WGSL_SNIPPETS: Readonly<Record<string, string>> = Object.freeze({
  butterflies,
  'chunk-moments': chunkMoments,
  complex,
  'float-bits': floatBits,
  grid,
  'histogram-slot': histogramSlot,
  'real-pairs': realPairs,
  voxel,
  'workgroup-sum': workgroupSum,
});

/** A `//!include` names a snippet that does not exist. */
export class WgslIncludeError extends Error {
  readonly snippet: string;

  constructor(snippet: string, known: readonly string[]) {
    super(`The WGSL snippet "${snippet}" named by an //!include line does not exist (known snippets: ${known.join(', ')})`);
    this.name = 'WgslIncludeError';
    this.snippet = snippet;
  }
}

const DIRECTIVE = /^[ \t]*\/\/!include\b(.*)$/.source;
const MAX_MEMO = 256;
const memo = new Map<string, string>();

/** `source` with every `//!include a b …` line replaced by the snippets not yet included. */
export function resolveIncludes(source: string, snippets: Readonly<Record<string, string>> = WGSL_SNIPPETS): string {
  if (!source.includes('//!include')) return source;
  const useMemo = snippets === WGSL_SNIPPETS;
  const hit = useMemo ? memo.get(source) : undefined;
  if (hit !== undefined) return hit;
  const resolved = expand(source, snippets, new Set());
  if (useMemo) {
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(source, resolved);
  }
  return resolved;
}

function expand(source: string, snippets: Readonly<Record<string, string>>, included: Set<string>): string {
  return source.replace(new RegExp(DIRECTIVE, 'gm'), (_line, names: string) => {
    const parts: string[] = [];
    for (const name of names.trim().split(/\s+/).filter(Boolean)) {
      if (included.has(name)) continue;
      const snippet = snippets[name];
      if (snippet === undefined) throw new WgslIncludeError(name, Object.keys(snippets).sort());
      included.add(name);
      parts.push(expand(snippet, snippets, included).trimEnd());
    }
    return parts.join('\n');
  });
}
