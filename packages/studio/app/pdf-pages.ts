import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';

// pdf.js parses in a worker, served beside the studio's script (the build copies it): nothing loads from elsewhere.
GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', import.meta.url).href;

let worker: PDFWorker | undefined;

/**
 * Opens a PDF with pdf.js, for drawing and measuring; `close` frees it.
 *
 * @example
 * const pdf = await openPdf(bytes);
 * try { container.replaceChildren(...(await drawPdfPages(pdf.document, 600))); } finally { await pdf.close(); }
 */
export async function openPdf(bytes: Uint8Array): Promise<{ document: PDFDocumentProxy; close(): Promise<void> }> {
  // One worker for every PDF the page opens: starting one loads and compiles pdf.js's parser again, which took
  // longer than drawing the page.
  worker ??= new PDFWorker();
  const loading = getDocument({ data: bytes, isEvalSupported: false, worker });
  return { document: await loading.promise, close: () => loading.destroy() };
}

/**
 * Draws every page of a PDF into canvases `width` CSS pixels wide, sharp on high-density screens. The canvases
 * are returned once all are drawn, so a preview can swap them in at once without flicker.
 *
 * @example
 * container.replaceChildren(...(await drawPdfPages(pdf.document, 600)));
 */
export async function drawPdfPages(document: PDFDocumentProxy, width: number): Promise<HTMLCanvasElement[]> {
  const canvases: HTMLCanvasElement[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = window.document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.className = 'page';
    canvas.dataset.page = String(number);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    await page.render({ canvasContext: context, viewport }).promise;
    canvases.push(canvas);
  }
  return canvases;
}

/**
 * The bytes of a base64 string, as the API sends PDFs.
 *
 * @example
 * const bytes = base64Bytes(preview.pdf);
 */
export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
