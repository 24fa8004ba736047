/** Attributes and event handlers of an element made by {@link h}: `on<event>` keys take listeners. */
export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** What an element holds: nodes, text, or nothing (false, null and undefined are skipped). */
export type Child = Node | string | false | null | undefined;

/**
 * Makes an element. Attributes set with setAttribute (`true` as an empty value, false or undefined left out);
 * `on<event>` keys add listeners.
 *
 * @example
 * h('button', { class: 'primary', onclick: () => save() }, 'บันทึก');
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false && value !== undefined) element.setAttribute(key, String(value));
  }
  element.append(...children.filter((child): child is Node | string => child !== false && child != null));
  return element;
}
