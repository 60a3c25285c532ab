// A corpus directory read the way the tests compare it with what a widget
// shows: its statement files, their text gzipped, and probe words for the
// search (tests/e2e/large.mjs and tests/e2e/engines-large.mjs).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Every `*.md` under the corpus's statements/, subdirectories too, in path order. */
export async function statementFiles(corpus) {
  const files = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else if (e.name.endsWith(".md")) files.push(join(dir, e.name));
    }
  };
  await walk(join(corpus, "statements"));
  return files.sort();
}

/** The statement files concatenated in path order, gzipped (level 9): bytes. */
export async function textGzipped(corpus) {
  const files = await statementFiles(corpus);
  return gzipSync(Buffer.concat(await Promise.all(files.map((f) => readFile(f)))), { level: 9 }).length;
}

/** The corpus's statements, oldest first as the archive stores them (by
 * written date, then id): `{ id, date, title, subtitle, paragraphs }`.
 * Reads the front matter's one-line string fields only. */
export async function statements(corpus) {
  const docs = await Promise.all((await statementFiles(corpus)).map(async (file) => {
    const text = await readFile(file, "utf8");
    const [, front, body] = text.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/) ?? [];
    if (front === undefined) throw new Error(`${file}: no front matter between +++ lines`);
    const field = (key) => front.match(new RegExp(`^${key} = "(.*)"$`, "m"))?.[1] ?? "";
    const paragraphs = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
    return { id: field("id"), date: field("date"), title: field("title"), subtitle: field("subtitle"), paragraphs };
  }));
  return docs.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
}

/** For the oldest, a middle and the newest of `docs` (in a large archive
 * their text lies in the first, a middle and the last deflated block): the
 * word of five letters or more in its body that the fewest statements hold
 * (at most 30), and the ids of every statement that holds it, in its title,
 * subtitle or body. `{ doc, word, holders }`. */
export function probes(docs) {
  const holders = new Map();
  for (const d of docs) {
    const words = new Set([d.title, d.subtitle, ...d.paragraphs].join(" ").toLowerCase().match(/[a-z]+/g) ?? []);
    for (const w of words) {
      if (!holders.has(w)) holders.set(w, []);
      holders.get(w).push(d.id);
    }
  }
  return [docs[0], docs[Math.floor(docs.length / 2)], docs[docs.length - 1]].map((doc) => {
    const [rarest] = [...new Set(doc.paragraphs.join(" ").toLowerCase().match(/[a-z]{5,}/g) ?? [])]
      .map((word) => ({ word, holders: holders.get(word) ?? [] }))
      .filter((c) => c.holders.length <= 30)
      .sort((a, b) => a.holders.length - b.holders.length || (a.word < b.word ? -1 : 1));
    if (!rarest) throw new Error(`${doc.id}: no word of five letters or more that at most 30 statements hold`);
    return { doc, ...rarest };
  });
}
