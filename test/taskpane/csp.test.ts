import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const html = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');
const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('the task pane page’s Content Security Policy', () => {
  test('runs only the add-in’s own scripts: no inline script, no eval, no other host', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|\*/);
    // The only other host: the hidden logging frame office.js opens itself, as a frame, never as a script or a connection.
    expect(policy.match(/https?:[^\s;]+/g)).toEqual(['https://telemetryservice.firstpartyapps.oaspapps.com']);
    expect(directive('frame-src')).toBe('frame-src https://telemetryservice.firstpartyapps.oaspapps.com');
    expect(html).not.toMatch(/<script>(?!<\/script>)[\s\S]*?<\/script>/);
    expect([...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual(['office-js/office.js']);
  });
});
