import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test support: reads rendered PDFs back with the real tools a person would use (poppler's
 * pdftotext, pdffonts, pdfinfo, pdftoppm; zbar's zbarimg). A missing tool fails the test with
 * what to run, never skips it.
 */

const INSTALL_HINT = 'run `bash scripts/install-tools.sh` (installs poppler-utils and zbar-tools)';
const checked = new Set<string>();

export function requireTool(name: string): void {
  if (checked.has(name)) return;
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} is not installed: ${INSTALL_HINT}`);
  checked.add(name);
}

let dir: string | undefined;
let seq = 0;

/** Writes the PDF to a scratch file and returns its path. */
export function pdfFile(pdf: Buffer): string {
  dir ??= mkdtempSync(join(tmpdir(), 'sabt-docs-'));
  const path = join(dir, `doc-${++seq}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export function cleanUpPdfFiles(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

function run(tool: string, args: string[]): string {
  requireTool(tool);
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
}

/** The text as pdftotext extracts it (reading order, one line per text line). */
export function pdfText(pdf: Buffer, args: string[] = []): string {
  return run('pdftotext', [...args, pdfFile(pdf), '-']);
}

/**
 * The letters in the order they were drawn (pdftotext -raw), without whitespace: for a phrase
 * drawn letter-spaced across the page (the sample's watermark), which reading order cuts into the
 * lines it crosses. Compare with the phrase's letters (`lettersOf`).
 */
export function pdfLettersAsDrawn(pdf: Buffer): string {
  return lettersOf(pdfText(pdf, ['-raw']));
}

/** A text's letters and signs without whitespace. */
export const lettersOf = (text: string) => text.replace(/\s+/g, '');

/** The text with every run of whitespace made one space: for phrases that may wrap. */
export function pdfTextFlat(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ');
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = run('pdffonts', [pdfFile(pdf)]);
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      // name type... encoding emb sub uni id gen: the last five columns are fixed.
      const cols = line.trim().split(/\s+/);
      const emb = cols[cols.length - 5];
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = run('pdfinfo', ['-isodates', pdfFile(pdf)]);
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export interface WordBox {
  word: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word with its box in points from the page's top-left corner (pdftotext -bbox). */
export function pdfWords(pdf: Buffer): WordBox[] {
  const html = run('pdftotext', ['-bbox', pdfFile(pdf), '-']);
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      words.push({
        word: unescapeHtml(m[5]!),
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      });
  }
  return words;
}

/** Renders page 1 at 200 dpi as a scanner would see it and decodes the QR code in it. */
export function decodeQr(pdf: Buffer): string {
  requireTool('pdftoppm');
  requireTool('zbarimg');
  const path = pdfFile(pdf);
  const png = path.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', '-singlefile', path, png]);
  const result = spawnSync('zbarimg', ['--raw', '-q', `${png}.png`], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`zbarimg found no QR code (exit ${result.status}): ${result.stderr}`);
  return result.stdout.replace(/\n$/, '');
}

/** PNG of page 1 at a resolution, for looking at. */
export function pagePng(pdf: Buffer, dpi = 100): Buffer {
  requireTool('pdftoppm');
  const path = pdfFile(pdf);
  const png = path.replace(/\.pdf$/, '-view');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', path, png]);
  return readFileSync(`${png}.png`);
}
