/**
 * The engine's input text of a corpus file, built the way `tools/cli/analyze.ts` builds it (loadInput):
 * .html/.htm through happy-dom and the page reader (lib/page/read-page), .md/.markdown through
 * `textInput(src, {markdown: true})`, .txt and other files through `textInput(src, {markdown: false})`.
 * The lead-3 baseline is cut from this text, so it and the engine's summary start from the same words.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { textInput } from '../../../lib/engine/plain-text';
import { splitSentences } from '../../../lib/engine/text';
import { readPage } from '../../../lib/page/read-page';
import { readHtml } from '../read-html';

async function inputText(path: string): Promise<string> {
  const src = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    const { document, close } = readHtml(src, null);
    try {
      return readPage(document).input.text;
    } finally {
      await close();
    }
  }
  return textInput(src, { markdown: ext === '.md' || ext === '.markdown' }).text;
}

/** The article's sentences as the engine splits them (lib/engine/text splitSentences). */
export async function inputSentences(path: string): Promise<string[]> {
  return splitSentences(await inputText(path)).map((s) => s.text);
}
