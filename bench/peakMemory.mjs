// Loaded with --import by npm run bench: a child process says its peak memory (the whole process's) as it exits.
// Only its main thread says so: a worker thread it starts loads this too, and ends sooner.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
