// Preloaded (node -r) into a benchmarked command: at exit, its peak resident memory and the CPU
// time (user + system, all its threads) it used, on stderr.
process.on('exit', () => {
	const r = process.resourceUsage();
	process.stderr.write(`\nnianbao-bench-max-rss-kib=${r.maxRSS}\nnianbao-bench-cpu-us=${r.userCPUTime + r.systemCPUTime}\n`);
});
