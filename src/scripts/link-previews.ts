/**
 * Shows the preview of a cross-reference or a defined term below its line while the pointer is
 * over the link (or over the preview it opened) or the link has the focus. A version page writes
 * each target's preview once, in a hidden store after the text (src/render/link-clauses.ts),
 * however many links lead there: the preview is moved beside the link that shows it. Assistive
 * technology reads it through the link's `aria-describedby` with or without this script.
 */
const LINK = 'a.xref[aria-describedby], a.term[aria-describedby]';

let hovered: HTMLElement | undefined;
let focused: HTMLElement | undefined;
let shown: { link: HTMLElement; preview: HTMLElement; store: Element } | undefined;

function linkOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>(LINK) ?? undefined) : undefined;
}

function update(): void {
  const link = hovered ?? focused;
  if (shown?.link === link) return;
  if (shown) {
    shown.preview.classList.remove('open');
    shown.store.append(shown.preview);
    shown = undefined;
  }
  const preview = link ? document.getElementById(link.getAttribute('aria-describedby') ?? '') : null;
  const store = preview?.parentElement;
  if (!link || !preview || !store) return;
  link.after(preview);
  preview.classList.add('open');
  shown = { link, preview, store };
}

document.addEventListener('focusin', (event) => {
  focused = linkOf(event.target);
  update();
});
document.addEventListener('focusout', () => {
  focused = undefined;
  // The next focusin (if focus moves to another link) comes right after: show it then.
  queueMicrotask(update);
});
document.addEventListener('mouseover', (event) => {
  const over = linkOf(event.target);
  // Moving from the link onto its open preview keeps it open (to read or select its words).
  if (!over && shown && event.target instanceof Node && shown.preview.contains(event.target)) return;
  hovered = over;
  update();
});
