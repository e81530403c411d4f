import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'node:test';

const npmMajor = Number(spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.split('.')[0]);

// npm 11 runs no dependency's install script unless package.json's allowScripts says so, and warns
// about each one not decided. Each decision is recorded, so that a fresh `npm ci` is quiet.
describe("dependencies' install scripts", { skip: npmMajor < 11 && `npm ${npmMajor} has no allowScripts` }, () => {
  it('are each allowed or denied in package.json', () => {
    const listed = spawnSync('npm', ['install-scripts', 'ls'], { encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /No packages with unreviewed install scripts/, listed.stdout);
    const { allowScripts } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    // Their prebuilt binaries come as packages of their own: the scripts only rebuild or check them.
    assert.deepEqual(allowScripts, { '@parcel/watcher': false, argon2: false, esbuild: false });
  });
});
