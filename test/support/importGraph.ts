// The import graph of the product code (src/, solver/) read with TypeScript's own
// parser, and the three rules it must keep (docs/ARCHITECTURE.md, "Layers"):
// no module imports from a layer above its own, no import circle, and product
// code uses only the packages it ships with.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/** Lowest first. A module may import from its own layer and those before it; the longest matching prefix decides. */
export const LAYERS: ReadonlyArray<readonly [name: string, prefixes: readonly string[]]> = [
  ['solver core', ['solver/model.ts', 'solver/baseUnits.ts', 'solver/random.ts', 'solver/schema.ts', 'solver/travel.ts', 'solver/visitPattern.ts', 'solver/zoneLabel.ts']],
  ['solver lp', ['solver/lp/']],
  // Settings and what the provider model asks of a zone: the rules' defaults read both.
  ['score settings', ['solver/score/settings.ts', 'solver/score/providers.ts']],
  // The rules and what derives their defaults (the reach a county's data allows).
  ['optimiser rules', ['solver/optimise/rules.ts', 'solver/optimise/reach/', 'solver/optimise/cells.ts']],
  ['score', ['solver/score/']],
  ['optimise', ['solver/optimise/']],
  ['model', ['src/model/']],
  ['import', ['src/import/']],
  ['workers', ['src/workers/']],
  ['export', ['src/export/']],
  ['state', ['src/state/']],
  ['map', ['src/map/']],
  ['ui', ['src/ui/']],
  ['cli', ['src/cli/']],
  ['app', ['src/app/', 'src/main.tsx']],
];

/** Test and benchmark helpers that live beside the solver; product code never imports them. */
export const TEST_ONLY = ['solver/testing/'];
/** Where node built-ins may be used (the rest runs in the browser). */
export const NODE_ONLY = ['src/cli/'];

export interface Edge {
  from: string;
  /** A repository path (kind 'file'), or the package specifier. */
  to: string;
  kind: 'file' | 'package';
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(root, path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveRelative(root: string, from: string, specifier: string): string {
  const base = normalize(join(dirname(from), specifier.split('?')[0]));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (SOURCE.test(candidate) && existsSync(join(root, candidate))) return candidate;
  }
  return base;
}

/** Every import, re-export, dynamic import and `new URL('…', import.meta.url)` (worker entries) of the product code. */
export function importGraph(root: string): { files: string[]; edges: Edge[] } {
  const files = ['src', 'solver'].flatMap((dir) => sourceFiles(root, dir)).map((f) => f.split('\\').join('/'));
  const edges: Edge[] = [];
  for (const from of files) {
    const source = ts.createSourceFile(from, readFileSync(join(root, from), 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (specifier: string, typeOnly: boolean) => {
      const file = specifier.startsWith('.');
      const to = file ? resolveRelative(root, from, specifier).split('\\').join('/') : specifier;
      edges.push({ from, to, kind: file ? 'file' : 'package', typeOnly });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.importClause?.isTypeOnly ?? false);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteral(arg)) add(arg.text, false);
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
        const [arg, base] = node.arguments ?? [];
        if (arg && ts.isStringLiteral(arg) && base?.getText(source) === 'import.meta.url' && arg.text.startsWith('.')) add(arg.text, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { files, edges };
}

const longestPrefix = (path: string, prefixes: readonly string[]) =>
  Math.max(-1, ...prefixes.filter((p) => path === p || path.startsWith(p)).map((p) => p.length));

/** Index into LAYERS, or -1 for a path in no layer. */
export function layerOf(path: string, layers = LAYERS): number {
  let best = -1;
  let bestLength = -1;
  layers.forEach(([, prefixes], i) => {
    const length = longestPrefix(path, prefixes);
    if (length > bestLength) {
      best = i;
      bestLength = length;
    }
  });
  return best;
}

const isLocal = (e: Edge) => e.kind === 'file' && (e.to.startsWith('src/') || e.to.startsWith('solver/'));
/** Repository files outside the product code that the product must not import. */
const NOT_PRODUCT = ['test/', 'bench/'];

/** Imports that run from a lower layer to a higher one, or into test-only code. */
export function upwardArrows(edges: readonly Edge[], layers = LAYERS): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const { from, to } = e;
    if (e.kind === 'file' && NOT_PRODUCT.some((p) => to.startsWith(p))) out.push(`${from} -> ${to}: test code`);
    if (!isLocal(e)) continue;
    if (TEST_ONLY.some((p) => to.startsWith(p)) && !TEST_ONLY.some((p) => from.startsWith(p))) {
      out.push(`${from} -> ${to}: test-only code`);
      continue;
    }
    const a = layerOf(from, layers);
    const b = layerOf(to, layers);
    if (a >= 0 && b > a) out.push(`${from} (${layers[a][0]}) -> ${to} (${layers[b][0]})`);
  }
  return out;
}

/** Each import circle once, as the list of its files (Tarjan's strongly connected components). */
export function importCircles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!isLocal(e)) continue;
    const { from, to } = e;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (next.get(v) ?? []).includes(v)) circles.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return circles;
}

const packageName = (specifier: string) => {
  const parts = specifier.split('?')[0].split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/** Packages product code uses but does not ship with, and node built-ins outside NODE_ONLY. */
export function undeclaredPackages(root: string, edges: readonly Edge[]): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const shipped = new Set(Object.keys(pkg.dependencies ?? {}));
  const types = new Set(Object.keys(pkg.devDependencies ?? {}).filter((p) => p.startsWith('@types/')));
  const out: string[] = [];
  for (const { from, to, kind, typeOnly } of edges) {
    let name: string;
    if (kind === 'package') name = packageName(to);
    else if (to.startsWith('node_modules/')) name = packageName(relative('node_modules', to));
    else continue;
    if (name.startsWith('node:')) {
      if (!NODE_ONLY.some((p) => from.startsWith(p))) out.push(`${from} -> ${name}: node built-in outside ${NODE_ONLY.join(', ')}`);
    } else if (!shipped.has(name) && !(typeOnly && types.has(`@types/${name}`))) {
      out.push(`${from} -> ${name}: not in package.json dependencies`);
    }
  }
  return out;
}
