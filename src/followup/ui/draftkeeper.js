// Keeps what is typed on the page in this browser until the server has it.
//
// An st.form sends nothing before it is submitted, and a text box outside a form
// sends nothing before it loses focus, so a reload would lose text typed since.
// Every keystroke in a watched field is saved here to localStorage, by group (the
// form, the notes, the pasted texts), each tagged with the fingerprint ("base") of
// what the server last saved of that group. After a reload the server restores its
// state; where a group's base still matches, the kept text goes back to the server
// (a trigger value), which puts it into the fields itself, so the server stays the
// one source of their values. A new base (the form was submitted, loaded from a file
// or cleared; the notes were redrafted or an edit was saved) means the server now
// holds what was typed, so that group's kept text is dropped.
const STORE = "followup.typed.v2";

function readStore() {
  try {
    const kept = JSON.parse(window.localStorage.getItem(STORE) || "null");
    return kept && typeof kept === "object" && kept.groups ? kept : { groups: {} };
  } catch {
    return { groups: {} };
  }
}

function save(kept) {
  try {
    window.localStorage.setItem(STORE, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: the page still works, it just cannot outlive a reload.
  }
}

function widgetKey(element) {
  const holder = element.closest('[class*="st-key-"]');
  if (!holder) return null;
  const name = Array.from(holder.classList).find((c) => c.startsWith("st-key-"));
  return name ? name.slice("st-key-".length) : null;
}

// Text typed before this script was listening (the first second after a page load).
function snapshot(keys) {
  const values = {};
  for (const key of keys) {
    const field = document.querySelector(`.st-key-${CSS.escape(key)} :is(input, textarea)`);
    if (field && field.value) values[key] = field.value;
  }
  return values;
}

export default function (component) {
  const { data, setTriggerValue } = component;
  // One keeper per page load: the component may be mounted again on every run.
  const keeper = (window.__followupKeeper ??= { bases: {}, groupOf: new Map() });
  const kept = readStore();
  const restore = {};
  keeper.groupOf = new Map();
  for (const group of data.groups) {
    for (const key of group.keys) keeper.groupOf.set(key, group.name);
    const before = keeper.bases[group.name];
    keeper.bases[group.name] = group.base;
    if (before === group.base) continue;
    const mine = kept.groups[group.name];
    if (mine && mine.base === group.base) {
      if (before === undefined && Object.keys(mine.values).length) restore[group.name] = mine.values;
    } else if (before === undefined) {
      kept.groups[group.name] = { base: group.base, values: snapshot(group.keys) };
    } else {
      delete kept.groups[group.name];
    }
  }
  save(kept);
  if (Object.keys(restore).length) setTriggerValue("restore", restore);
  if (keeper.listening) return;
  keeper.listening = true;
  document.addEventListener(
    "input",
    (event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      const key = widgetKey(field);
      const name = key && keeper.groupOf.get(key);
      if (!name) return;
      const now = readStore();
      const base = keeper.bases[name];
      const mine = now.groups[name];
      const values = mine && mine.base === base ? mine.values : {};
      values[key] = field.value;
      now.groups[name] = { base, values };
      save(now);
    },
    true,
  );
}
