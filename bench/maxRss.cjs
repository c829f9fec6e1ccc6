// Preloaded (node -r) into a benchmarked command: at exit, its peak resident memory on stderr.
process.on('exit', () => process.stderr.write(`\nnianbao-bench-max-rss-kib=${process.resourceUsage().maxRSS}\n`));
