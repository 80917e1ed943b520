import path from 'node:path';

// The text a PDF reader finds in a PDF (pdf.js, Mozilla's reader), page by page, and its title.
export async function pdfText(data: Uint8Array): Promise<{ pages: string[]; title: string | null }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    standardFontDataUrl: path.resolve('node_modules/pdfjs-dist/standard_fonts') + path.sep,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  await document.destroy();
  return { pages, title: info.Title ?? null };
}
