import fs from 'node:fs';
import { LineIndex } from '../server/src/core/read/text.ts';
import { unwrap } from '../server/src/core/read/hardWrap.ts';
const w = fs.readFileSync(process.argv[2], 'utf8'); const o = fs.readFileSync(process.argv[3], 'utf8');
const u = unwrap(new LineIndex(w));
const t = u?.text ?? w;
console.log(u?.width, u?.measure, t.split('\n').length, 'lines');
// first difference
let i = 0, j = 0; let shown = 0;
while (i < t.length && j < o.length && shown < 40) { if (t[i] === o[j]) { i++; j++; continue; } console.log(i, JSON.stringify(o.slice(j - 20, j + 20)), '→', JSON.stringify(t.slice(i - 20, i + 20))); shown++; if (o[j] === ' ' ) j++; else i++; }
