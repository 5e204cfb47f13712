// Keeps what is typed into the debrief form in this browser until the server has it.
//
// An st.form sends nothing before it is submitted, so a reload would lose text typed
// since the last submit. Every keystroke in one of the form's text fields is saved
// here to localStorage, tagged with the fingerprint ("base") of the form the server
// last saved. After a reload the server restores that form; if the base still matches,
// the kept text goes back to the server (a trigger value), which puts it into the
// fields itself, so the server stays the one source of the form's values. A new base
// (the form was submitted, loaded from a file, or cleared) means the server now holds
// what was typed, so the kept text is dropped.
const STORE = "followup.formDraft.v1";

function readStore() {
  try {
    const kept = JSON.parse(window.localStorage.getItem(STORE) || "null");
    return kept && typeof kept === "object" && kept.values ? kept : null;
  } catch {
    return null;
  }
}

function widgetKey(element) {
  const holder = element.closest('[class*="st-key-"]');
  if (!holder) return null;
  const name = Array.from(holder.classList).find((c) => c.startsWith("st-key-"));
  return name ? name.slice("st-key-".length) : null;
}

function save(base, values) {
  try {
    window.localStorage.setItem(STORE, JSON.stringify({ base, values }));
  } catch {
    // Storage full or disabled: the form still works, it just cannot outlive a reload.
  }
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
  const keeper = (window.__followupDraftKeeper ??= { base: null, keys: new Set() });
  keeper.keys = new Set(data.keys);
  if (keeper.base !== data.base) {
    const firstRun = keeper.base === null;
    keeper.base = data.base;
    const kept = readStore();
    if (kept && kept.base === data.base) {
      if (firstRun && Object.keys(kept.values).length) setTriggerValue("restore", kept.values);
    } else if (firstRun) {
      save(data.base, snapshot(keeper.keys));
    } else if (kept) {
      window.localStorage.removeItem(STORE);
    }
  }
  if (keeper.listening) return;
  keeper.listening = true;
  document.addEventListener(
    "input",
    (event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      const key = widgetKey(field);
      if (!key || !keeper.keys.has(key)) return;
      const kept = readStore();
      const values = kept && kept.base === keeper.base ? kept.values : {};
      values[key] = field.value;
      save(keeper.base, values);
    },
    true,
  );
}
