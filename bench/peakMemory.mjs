// Loaded with --import by npm run bench: a child process says its peak memory as it exits.
process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
