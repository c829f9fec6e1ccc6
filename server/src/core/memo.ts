/**
 * A bounded cache for pure functions of short strings (label normalisation, label matching, cell
 * values): reports repeat the same few hundred labels and numbers, so most calls are hits. When
 * full it is simply emptied, which bounds memory on adversarial input.
 */
export function memoize<R>(fn: (s: string) => R, limit = 20000): (s: string) => R {
	let cache = new Map<string, R>();
	return (s: string) => {
		const hit = cache.get(s);
		if (hit !== undefined || cache.has(s)) return hit as R;
		if (s.length > 200) return fn(s);
		if (cache.size >= limit) cache = new Map();
		const r = fn(s);
		cache.set(s, r);
		return r;
	};
}
