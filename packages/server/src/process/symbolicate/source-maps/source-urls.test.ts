import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateUrls, cleanWebpackPath, displayFilename, generateModule, inAppAfterMapping, resolveUrl, sourceReference } from './source-urls.js';

describe('candidateUrls (docs/releases.md, how a frame finds its source map)', () => {
  it('tries the URL without fragment, without query, then ~ + path with and without query', () => {
    assert.deepEqual(candidateUrls('http://localhost:8080/dist/bundle.min.js?v=1#frag'), [
      'http://localhost:8080/dist/bundle.min.js?v=1',
      'http://localhost:8080/dist/bundle.min.js',
      '~/dist/bundle.min.js?v=1',
      '~/dist/bundle.min.js',
    ]);
  });

  it('drops duplicates when there is no query', () => {
    assert.deepEqual(candidateUrls('https://cdn.example.com/app.js'), ['https://cdn.example.com/app.js', '~/app.js']);
  });

  it('maps app:/// paths to ~/ as well', () => {
    assert.deepEqual(candidateUrls('app:///path/file.js'), ['app:///path/file.js', '~/path/file.js']);
  });

  it('treats an absolute file path (Node) like a URL path', () => {
    assert.deepEqual(candidateUrls('/app/dist/app.min.js'), ['/app/dist/app.min.js', '~/app/dist/app.min.js']);
  });
});

describe('resolveUrl', () => {
  it('resolves a map reference beside the minified file, keeping ~ and schemes', () => {
    assert.equal(resolveUrl('~/dist/a.js', 'a.js.map'), '~/dist/a.js.map');
    assert.equal(resolveUrl('http://x.com/dist/a.js?v=2', 'maps/a.js.map'), 'http://x.com/dist/maps/a.js.map');
    assert.equal(resolveUrl('/app/dist/a.js', '../src/util.js'), '/app/src/util.js');
    assert.equal(resolveUrl('app:///dist/a.js', '../src/util.js'), 'app:///src/util.js');
  });

  it('keeps scheme and host (or ~) for absolute references', () => {
    assert.equal(resolveUrl('http://x.com/dist/a.js', '/maps/a.map'), 'http://x.com/maps/a.map');
    assert.equal(resolveUrl('~/dist/a.js', '/maps/a.map'), '~/maps/a.map');
    assert.equal(resolveUrl('https://x.com/a.js', '//cdn.x.com/a.map'), 'https://cdn.x.com/a.map');
  });

  it('leaves full URLs, ~/ names and data: URLs alone', () => {
    assert.equal(resolveUrl('http://x.com/a.js', 'webpack:///./src/x.js'), 'webpack:///./src/x.js');
    assert.equal(resolveUrl('http://x.com/a.js', '~/a.js.map'), '~/a.js.map');
    assert.equal(resolveUrl('http://x.com/a.js', 'data:application/json;base64,e30='), 'data:application/json;base64,e30=');
  });

  it('clamps .. at the root instead of escaping it', () => {
    assert.equal(resolveUrl('~/a.js', '../../../src/x.js'), '~/src/x.js');
    assert.equal(resolveUrl('http://x.com/a.js', '../../x.js'), 'http://x.com/x.js');
  });
});

describe('sourceReference', () => {
  it('prefixes sourceRoot unless the source is absolute', () => {
    assert.equal(sourceReference('src', 'a.js'), 'src/a.js');
    assert.equal(sourceReference('src/', 'a.js'), 'src/a.js');
    assert.equal(sourceReference('src', 'webpack:///./a.js'), 'webpack:///./a.js');
    assert.equal(sourceReference(undefined, '../a.js'), '../a.js');
  });
});

describe('webpack paths, filenames and modules', () => {
  it('cleans webpack URLs as Sentry does', () => {
    assert.equal(cleanWebpackPath('webpack:///./src/x.js'), './src/x.js');
    assert.equal(cleanWebpackPath('webpack://app/./src/x.js'), './src/x.js');
    assert.equal(cleanWebpackPath('webpack:///~/lib/y.js'), '~/lib/y.js');
    assert.equal(cleanWebpackPath('http://x.com/a.js'), null);
  });

  it('shows URL sources by path and file paths as they are', () => {
    assert.equal(displayFilename('http://localhost:8080/src/util.js?x=1'), '/src/util.js');
    assert.equal(displayFilename('webpack:///./src/x.js'), './src/x.js');
    assert.equal(displayFilename('/app/src/util.js'), '/app/src/util.js');
    assert.equal(displayFilename('~/src/util.js'), '/src/util.js');
  });

  it('generates modules like Sentry (folders, versions and hashes dropped)', () => {
    assert.equal(generateModule('http://x.com/js/v1.0/foo/bar/baz.js'), 'foo/bar/baz');
    assert.equal(generateModule('http://x.com/static/js/app.min.js'), 'app');
    assert.equal(generateModule('webpack:///./src/components/button.jsx'), 'src/components/button');
    assert.equal(generateModule('http://x.com/0123456789abcdef0123456789abcdef01234567/foo/bar.js'), 'foo/bar');
  });
});

describe('inAppAfterMapping (in-app after mapping)', () => {
  it('webpack sources are in-app only under ./ and outside node_modules', () => {
    assert.equal(inAppAfterMapping('webpack:///./src/x.js', './src/x.js', false), true);
    assert.equal(inAppAfterMapping('webpack:///./node_modules/lib/x.js', './node_modules/lib/x.js', true), false);
    assert.equal(inAppAfterMapping('webpack:///~/lib/y.js', '~/lib/y.js', true), false);
  });

  it('app: sources are in-app unless in node_modules; node_modules paths never are', () => {
    assert.equal(inAppAfterMapping('app:///src/x.js', '/src/x.js', false), true);
    assert.equal(inAppAfterMapping('app:///node_modules/y/x.js', '/node_modules/y/x.js', true), false);
    assert.equal(inAppAfterMapping('/srv/app/node_modules/y/x.js', '/srv/app/node_modules/y/x.js', true), false);
  });

  it('otherwise keeps the SDK decision', () => {
    assert.equal(inAppAfterMapping('http://x.com/src/a.js', '/src/a.js', true), true);
    assert.equal(inAppAfterMapping('http://x.com/src/a.js', '/src/a.js', false), false);
  });
});
