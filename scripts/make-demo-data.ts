// Writes public/demo-data/demo-confocal.tif (uint8 ImageJ hyperstack) and demo-confocal.truth.json.
// Deterministic: the same generator version always gives the same bytes.
//   npm run demo-data                 regenerate the files
//   npm run demo-data -- --check      verify the committed files without writing (exit 1 if stale)
//   npm run demo-data -- --out DIR    write elsewhere
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_TIFF, DEMO_TRUTH } from '../src/compute/demo/demo-files';
import { makeSyntheticConfocal, type SyntheticConfocal } from '../src/compute/demo/synthetic-confocal';
import { writeTiff } from '../src/compute/io/tiff-writer';

interface Args {
  outDir: string;
  check: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { outDir: path.resolve('public/demo-data'), check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') args.check = true;
    else if (argv[i] === '--out' && argv[i + 1]) args.outDir = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; usage: make-demo-data [--check] [--out DIR]`);
  }
  return args;
}

function encode(demo: SyntheticConfocal): Map<string, Uint8Array> {
  const v = demo.volume;
  const tiff = writeTiff(
    {
      data: Float32Array.from(demo.uint8),
      shape: v.shape,
      axis: v.axis,
      voxelSize: v.voxelSize,
      metadata: { ...v.metadata, name: DEMO_TIFF },
    },
    { dtype: 'uint8' },
  );
  const uint8Sha256 = createHash('sha256').update(demo.uint8).digest('hex');
  const truth = { ...demo.truth, files: { tiff: DEMO_TIFF, uint8Sha256 } };
  const json = new TextEncoder().encode(JSON.stringify(truth, null, 1) + '\n');
  return new Map([[DEMO_TIFF, tiff], [DEMO_TRUTH, json]]);
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  return existsSync(file) && Buffer.compare(readFileSync(file), Buffer.from(bytes)) === 0;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const demo = makeSyntheticConfocal();
  const files = encode(demo);
  const stale = [...files].filter(([name, bytes]) => !sameBytes(path.join(args.outDir, name), bytes));
  if (args.check) {
    for (const [name] of stale) console.error(`stale or missing: ${path.join(args.outDir, name)}`);
    if (stale.length > 0) {
      console.error('run `npm run demo-data` to regenerate');
      process.exit(1);
    }
    console.log(`demo data in ${args.outDir} is up to date`);
    return;
  }
  mkdirSync(args.outDir, { recursive: true });
  for (const [name, bytes] of files) {
    writeFileSync(path.join(args.outDir, name), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    console.log(`wrote ${path.join(args.outDir, name)} (${bytes.length} bytes, sha256 ${sha}…)`);
  }
  const s = demo.truth.stats;
  console.log(
    `${demo.volume.shape.join('×')} voxels, ${demo.particles.length} spheres, seed ${demo.truth.seed}, `
    + `uint8 ${s.uint8Min}..${s.uint8Max} (mean ${s.uint8Mean.toFixed(1)})`,
  );
}

main();
