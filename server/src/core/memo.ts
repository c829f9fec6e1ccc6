/**
 * A bounded cache for pure functions of short strings (label normalisation, label matching, cell
 * values): reports repeat the same few hundred labels and numbers, so most calls are hits. When
 * full it is simply emptied, which bounds memory on adversarial input.
 *
 * Keys and string results are stored `detached`: a label cut out of a document is, in V8, a view
 * into the whole document text, and a cache entry holding that view would keep every edited
 * version of a large report alive.
 */
export function memoize<R>(fn: (s: string) => R, limit = 20000): (s: string) => R {
	let cache = new Map<string, R>();
	return (s: string) => {
		// A long text is never kept, so it is not looked up either (hashing it costs a pass over it).
		if (s.length > 200) return fn(s);
		const hit = cache.get(s);
		if (hit !== undefined || cache.has(s)) return hit as R;
		if (cache.size >= limit) cache = new Map();
		const r = fn(s);
		cache.set(detach(s), typeof r === 'string' ? (detach(r) as R) : r);
		return r;
	};
}

/**
 * A copy of `s` that shares no storage with the string it was cut from. V8 copies strings shorter
 * than 13 characters when it slices or concatenates, so only longer ones need it; JSON's parser
 * always allocates a fresh string.
 */
export function detach(s: string): string {
	return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
