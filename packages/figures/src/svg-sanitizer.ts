import type { DOMPurify } from 'dompurify';

/** What {@link sanitizeSvg} made of an SVG. */
export interface SanitizedSvg {
  /** The SVG with only drawing left, as an XML document of its own. */
  svg: string;
  /** Elements drawn, each `<use>` and `url(#…)` reference counting what it draws again. */
  elements: number;
  /** Whether it holds text (`<text>`), which prints in whatever font the machine has, not the page's. */
  hasText: boolean;
}

/**
 * An SVG that cannot be used: not an SVG at all, or more elements to draw than allowed (`elements` says how many,
 * counting each reference to other elements again; `Infinity` for references that loop).
 *
 * @example
 * ```ts
 * try {
 *   await sanitizeSvg(text, { maxElements: 10_000 });
 * } catch (error) {
 *   if (error instanceof SvgError) console.error(error.reason, error.elements);
 * }
 * ```
 */
export class SvgError extends Error {
  constructor(
    readonly reason: string,
    readonly elements?: number,
  ) {
    super(reason);
    this.name = 'SvgError';
  }
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
/** A `url(…)` that points anywhere but into the SVG itself (`url(#id)`). */
const OUTSIDE_URL = /url\(\s*(?!['"]?\s*#)/i;
const LOCAL_REFERENCE = /url\(\s*['"]?\s*#([^'")\s]+)/gi;

/** How deep elements may nest: drawings nest a few levels; serializing recurses once per level. */
const MAX_NESTING = 100;

let purifier: Promise<{ purify: DOMPurify; window: Window & typeof globalThis }> | undefined;

/**
 * DOMPurify (the well-kept sanitizer browsers' own projects use) on a jsdom window, which DOMPurify recommends on a
 * server; loaded at the first SVG, as most processes never see one. Besides DOMPurify's SVG profile (no scripts, no
 * event handlers, no foreignObject, no filters), every reference out of the SVG goes: an href not to `#…`, a
 * `url(…)` not to `#…`, a style sheet importing anything.
 */
function loadPurifier() {
  purifier ??= (async () => {
    const [{ JSDOM }, { default: createDOMPurify }] = await Promise.all([import('jsdom'), import('dompurify')]);
    const window = new JSDOM('').window as unknown as Window & typeof globalThis;
    const purify = createDOMPurify(window);
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      const value = data.attrValue.trim();
      const reference = data.attrName === 'href' || data.attrName === 'xlink:href';
      if ((reference && !value.startsWith('#')) || OUTSIDE_URL.test(value)) data.keepAttr = false;
    });
    purify.addHook('uponSanitizeElement', (node, data) => {
      const text = node.textContent ?? '';
      if (data.tagName === 'style' && (OUTSIDE_URL.test(text) || /@import/i.test(text))) node.textContent = '';
    });
    return { purify, window };
  })();
  return purifier;
}

/**
 * Keeps only what an SVG draws: scripts, event handlers, `<foreignObject>`, filters and every reference outside the
 * SVG are removed (DOMPurify's SVG profile and our hooks), and an SVG that would draw more than `maxElements`
 * elements is refused before a browser spends its time on it (a few nested `<use>` draw billions).
 *
 * @throws {SvgError} for something that is not an SVG, or draws too many elements.
 * @example
 * ```ts
 * const { svg } = await sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>', {
 *   maxElements: 10_000,
 * });
 * // '<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>'
 * ```
 */
export async function sanitizeSvg(source: string, options: { maxElements: number }): Promise<SanitizedSvg> {
  // Counted in the text first: a document too big to draw is not worth parsing.
  const tags = source.match(/<[a-zA-Z]/g)?.length ?? 0;
  if (tags > options.maxElements) throw new SvgError('has too many elements', tags);
  const { purify, window } = await loadPurifier();
  const fragment = purify.sanitize(source, {
    USE_PROFILES: { svg: true },
    // <use> drawing a part of the same SVG again is common in drawings (the hook above has removed every other).
    ADD_TAGS: ['use'],
    FORBID_TAGS: ['foreignObject'],
    RETURN_DOM_FRAGMENT: true,
  });
  const roots = [...fragment.children];
  const root = roots[0];
  if (roots.length !== 1 || root?.namespaceURI !== SVG_NAMESPACE || root.localName !== 'svg') {
    throw new SvgError('is not an SVG image (one <svg> element)');
  }
  const depth = nesting(root);
  if (depth > MAX_NESTING) throw new SvgError(`nests elements ${depth} deep; at most ${MAX_NESTING} print`);
  const elements = drawnElements(root);
  if (elements > options.maxElements) throw new SvgError('draws too many elements', elements);
  return {
    svg: new window.XMLSerializer().serializeToString(root),
    elements,
    hasText: root.getElementsByTagNameNS(SVG_NAMESPACE, 'text').length > 0,
  };
}

/** How deep elements nest under `root` (1 for `root` alone), walked without recursion. */
function nesting(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The elements `root` draws: each element once, and each reference (`<use href="#id">`, `fill="url(#id)"`) the
 * elements it points to again; a reference that loops counts as Infinity.
 */
function drawnElements(root: Element): number {
  const byId = new Map<string, Element>();
  for (const element of root.querySelectorAll('[id]')) byId.set(element.id, element);
  const counted = new Map<Element, number>();
  const visiting = new Set<Element>();
  const count = (element: Element): number => {
    const known = counted.get(element);
    if (known !== undefined) return known;
    if (visiting.has(element)) return Number.POSITIVE_INFINITY;
    visiting.add(element);
    let total = 1;
    for (const child of element.children) total += count(child);
    for (const id of references(element)) {
      const target = byId.get(id);
      if (target) total += count(target);
    }
    visiting.delete(element);
    counted.set(element, total);
    return total;
  };
  try {
    return count(root);
  } catch (error) {
    // A chain of references thousands long: more than any drawing needs.
    if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/** The ids an element points to: its `href` to `#id`, and every `url(#id)` in its attributes. */
function references(element: Element): string[] {
  const ids: string[] = [];
  const href = element.getAttribute('href') ?? element.getAttributeNS(XLINK_NAMESPACE, 'href');
  if (href?.startsWith('#')) ids.push(href.slice(1));
  for (const attribute of element.attributes) {
    for (const match of attribute.value.matchAll(LOCAL_REFERENCE)) if (match[1]) ids.push(match[1]);
  }
  return ids;
}
