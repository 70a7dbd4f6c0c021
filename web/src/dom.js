// Builds DOM nodes. Children that are strings become Text nodes and attributes are set one by one, so
// survey and citizen text is only ever inserted as text: nothing here parses HTML.

// h('p', {class: 'x', id: 'y'}, 'text', node) -> <p class="x" id="y">text…</p>; false/null props are skipped.
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
}

// Sets a node's text, leaving it alone when unchanged (so that aria-live regions do not repeat themselves);
// hides it while empty unless it is a live region, which must stay rendered to be announced.
export function setText(node, text, live = false) {
  if (node.textContent !== text) node.textContent = text;
  if (!live) node.hidden = !text;
}
