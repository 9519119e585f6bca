import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries of ARCHITECTURE.md, checked on every static import (the TypeScript scanner reads
 * import, export … from, import() and require, type-only ones too; comments and strings are not
 * imports). Test files are left out: they may reach anywhere.
 */
const PACKAGES = resolve(import.meta.dirname, '../..');
const SOURCES = ['core', 'server', 'web'] as const;
type Pkg = (typeof SOURCES)[number];

interface Source {
  pkg: Pkg;
  /** Path inside the package's src/, with `/`. */
  file: string;
  text: string;
  imports: string[];
}

function sourcesOf(pkg: Pkg): Source[] {
  const root = join(PACKAGES, pkg, 'src');
  const out: Source[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        const text = readFileSync(path, 'utf8');
        const imports = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
        out.push({ pkg, file: relative(root, path).split(sep).join('/'), text, imports });
      }
    }
  };
  walk(root);
  return out;
}

const SRC = Object.fromEntries(SOURCES.map((p) => [p, sourcesOf(p)])) as Record<Pkg, Source[]>;

/** Where a relative import lands, as a path inside the importing package's src/ ('../' when outside it). */
function target(from: string, spec: string): string {
  return join(dirname(from), spec).split(sep).join('/');
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.');
const within = (a: string, b: string) => a === '.' || b === '.' || a === b || b.startsWith(`${a}/`);

/**
 * The folder graph of a package: an edge from folder A to folder B when a file directly in A
 * imports a file directly in B. A folder contains its subfolders, so imports between a folder and
 * its own subfolders (and the files at src/ itself, the package's composition: app.ts, config.ts,
 * prepare.ts, job-registry.ts) are inside it and make no edge.
 */
function folderGraph(sources: Source[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const s of sources) {
    for (const spec of s.imports) {
      if (!spec.startsWith('.')) continue;
      const to = folderOf(target(s.file, spec));
      const from = folderOf(s.file);
      if (to.startsWith('..') || within(from, to) || within(to, from)) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${s.file} → ${spec}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** The strongly connected components of more than one folder (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A cycle with the import behind each of its edges, to say where to cut it. */
function explain(graph: Map<string, Map<string, string>>, cycle: string[]): string {
  const lines = cycle.flatMap((a) =>
    cycle.flatMap((b) => {
      const why = graph.get(a)?.get(b);
      return why ? [`  ${a} → ${b}: ${why}`] : [];
    }),
  );
  return [cycle.join(' ⇄ '), ...lines].join('\n');
}

/**
 * Folder cycles that exist and are known: none. The list stays so that an exception has to be
 * written down here; a cycle not listed fails, and so does one listed that no longer exists.
 */
const KNOWN_CYCLES: Record<Pkg, string[][]> = {
  core: [],
  server: [],
  web: [],
};

/** Imports of one web feature from another's insides; `shared` is for every feature. None today. */
const KNOWN_FEATURE_IMPORTS: string[] = [];

describe('the folder cycle finder', () => {
  it('finds a cycle through three folders and none where a folder imports its own subfolder', () => {
    const src = (file: string, ...imports: string[]): Source => ({ pkg: 'server', file, text: '', imports });
    const graph = folderGraph([
      src('a/x.ts', '../b/y.ts', './sub/z.ts'),
      src('a/sub/z.ts', '../x.ts'),
      src('b/y.ts', '../c/w.ts'),
      src('c/w.ts', '../a/x.ts', '../config.ts'),
      src('d/v.ts', '../a/x.ts'),
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

describe('architecture', () => {
  it('core imports nothing of ours and does no I/O: only its own files and its declared dependencies', () => {
    const declared = Object.keys(
      JSON.parse(readFileSync(join(PACKAGES, 'core/package.json'), 'utf8')).dependencies ?? {},
    );
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const bad: string[] = [];
    for (const s of SRC.core) {
      for (const spec of s.imports) {
        const outside = spec.startsWith('.') && target(s.file, spec).startsWith('..');
        const bare = !spec.startsWith('.');
        const allowed = declared.some((d) => spec === d || spec.startsWith(`${d}/`));
        if (outside || builtins.has(spec) || (bare && !allowed)) bad.push(`${s.file} → ${spec}`);
      }
      // what reaches the world without an import: the environment, the process, the network, storage
      const uses =
        /\b(process\.|fetch\(|XMLHttpRequest|WebSocket|localStorage|sessionStorage|indexedDB)/.exec(s.text);
      if (uses) bad.push(`${s.file} uses ${uses[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it('web never imports the server', () => {
    const bad = SRC.web.flatMap((s) =>
      s.imports
        .filter((spec) => spec.startsWith('@sabt/server') || target(s.file, spec).startsWith('../../server'))
        .map((spec) => `${s.file} → ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it("no web feature imports another feature's insides (features/shared is for all)", () => {
    const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1];
    const bad: string[] = [];
    for (const s of SRC.web) {
      const own = featureOf(s.file);
      if (!own) continue;
      for (const spec of s.imports) {
        if (!spec.startsWith('.')) continue;
        const other = featureOf(target(s.file, spec));
        if (other && other !== own && other !== 'shared') bad.push(`${s.file} → ${spec}`);
      }
    }
    expect(bad).toEqual(KNOWN_FEATURE_IMPORTS);
  });

  it.each(SOURCES)('%s: no import cycle between folders', (pkg) => {
    const graph = folderGraph(SRC[pkg]);
    const found = cycles(graph);
    expect(found.map((c) => explain(graph, c))).toEqual(KNOWN_CYCLES[pkg].map((c) => explain(graph, c)));
  });
});
