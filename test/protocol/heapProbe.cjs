// Preloaded (`node --expose-gc --require heapProbe.cjs dist/server.js`) into the server under test
// only: on SIGUSR2 it collects garbage until the heap stops shrinking and prints the live heap to
// stderr, so a test can see what the server still holds. Nothing of it ships.
'use strict';
process.on('SIGUSR2', () => {
	let used = Infinity;
	for (let i = 0; i < 10; i++) {
		global.gc();
		const now = process.memoryUsage().heapUsed;
		if (now >= used - 64 * 1024) break;
		used = now;
	}
	const m = process.memoryUsage();
	process.stderr.write(`nianbao-heap ${JSON.stringify({ heapUsed: m.heapUsed, rss: m.rss })}\n`);
});
