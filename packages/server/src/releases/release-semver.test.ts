// Sentry's release name format and version order, and the release list's query terms built on
// them: what a version's parts are, which release is higher, and which versions a term matches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { versionInfo } from './release-json.js';
import { parseReleaseListQuery } from './release-list-query.js';
import { compareVersions, parseRelease, parseVersionText } from './release-semver.js';

describe('release names (package@version+build)', () => {
  it('reads the package, the version parts, the pre-release and the build', () => {
    const r = parseRelease('org.example.FooApp@1.0rc1+20200101100');
    assert.equal(r.package, 'org.example.FooApp');
    assert.equal(r.raw, '1.0rc1+20200101100');
    assert.deepEqual(r.version, { major: 1, minor: 0, patch: 0, revision: 0, pre: 'rc1', buildCode: '20200101100', components: 2 });
    assert.equal(r.buildNumber, 20200101100);
    const scoped = parseRelease('@scope/web@2.3.4.5-beta.2+BUILD-x');
    assert.equal(scoped.package, '@scope/web');
    assert.deepEqual(scoped.version, { major: 2, minor: 3, patch: 4, revision: 5, pre: 'beta.2', buildCode: 'BUILD-x', components: 4 });
    assert.equal(scoped.buildNumber, null, 'a build that is not a number has no build number');
  });

  it('has no version parts without a package, or when the version is not one', () => {
    assert.equal(parseRelease('1.2.3').version, null);
    assert.equal(parseRelease('1.2.3').package, null);
    for (const v of ['web@abc', 'web@1.2.3.4.5', 'web@1.2-', 'web@1..2', 'web@1.2+', 'web@1.2+a..b', 'web@v1.2']) {
      assert.equal(parseRelease(v).version, null, v);
    }
    assert.equal(parseRelease('web@0123456789abcdef0123456789abcdef01234567').version, null);
  });

  it('orders versions part by part, a release above its pre-releases, pre-releases as text', () => {
    const order = ['1.0.0-alpha', '1.0.0-beta', '1.0.0', '1.0.1', '1.2', '1.2.0.1', '1.10.0', '2'];
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j < order.length; j++) {
        const a = parseVersionText(order[i] as string);
        const b = parseVersionText(order[j] as string);
        assert.ok(a && b);
        assert.equal(Math.sign(compareVersions(a, b)), Math.sign(i - j), `${order[i]} vs ${order[j]}`);
      }
    }
    const withBuild = parseVersionText('1.0.0+5');
    const plain = parseVersionText('1.0.0');
    assert.ok(withBuild && plain);
    assert.equal(compareVersions(withBuild, plain), 0, 'the build does not order versions');
  });

  it('gives Sentry’s versionInfo: parts for a version, the description, a SHA as buildHash', () => {
    assert.deepEqual(versionInfo('app@1.2.3'), {
      package: 'app',
      version: { raw: '1.2.3', major: 1, minor: 2, patch: 3, pre: null, buildCode: null, components: 3 },
      description: '1.2.3',
      buildHash: null,
    });
    assert.equal(versionInfo('app@1.2.3+77').description, '1.2.3 (77)');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    assert.deepEqual(versionInfo(sha), { package: null, version: { raw: sha }, description: sha.slice(0, 12), buildHash: sha });
    assert.deepEqual(versionInfo('nightly').version, { raw: 'nightly' });
  });
});

describe('release list query', () => {
  const versions = ['web@1.0.0', 'web@1.2.0-rc.1', 'web@1.2.0', 'web@1.2.5+100', 'web@2.0.0+99', 'api@1.2.0', 'nightly-7', 'web@abc'];
  const matching = (q: string) => {
    const { matches, text } = parseReleaseListQuery(q);
    return versions.filter((v) => (text === undefined || v.toLowerCase().includes(text.toLowerCase())) && (matches?.(v) ?? true));
  };

  it('keeps free text for the database and has no predicate without terms', () => {
    assert.deepEqual(parseReleaseListQuery('  WEB@1 '), { text: 'WEB@1' });
    assert.deepEqual(parseReleaseListQuery(''), {});
  });

  it('hands release.stage terms to the caller, which knows the stages', () => {
    assert.deepEqual(parseReleaseListQuery('release.stage:adopted !release.stage:[replaced, low_adoption]').stages, [
      { stages: ['adopted'], negated: false },
      { stages: ['replaced', 'low_adoption'], negated: true },
    ]);
    assert.equal(parseReleaseListQuery('release.stage:adopted').matches, undefined);
  });

  it('compares semantic versions with the operators, and matches wildcards on the version', () => {
    assert.deepEqual(matching('release.version:>=1.2'), ['web@1.2.0', 'web@1.2.5+100', 'web@2.0.0+99', 'api@1.2.0']);
    assert.deepEqual(matching('release.version:<1.2.0'), ['web@1.0.0', 'web@1.2.0-rc.1']);
    assert.deepEqual(matching('release.version:1.2.0'), ['web@1.2.0', 'api@1.2.0']);
    assert.deepEqual(matching('release.version:1.2.*'), ['web@1.2.0-rc.1', 'web@1.2.0', 'web@1.2.5+100', 'api@1.2.0']);
  });

  it('matches packages, builds (numbers compared), whole names, lists and negation', () => {
    assert.deepEqual(matching('release.package:api'), ['api@1.2.0']);
    assert.deepEqual(matching('release.build:>99'), ['web@1.2.5+100']);
    assert.deepEqual(matching('release.build:9*'), ['web@2.0.0+99']);
    assert.deepEqual(matching('release:[nightly-7, api@1.2.0]'), ['api@1.2.0', 'nightly-7']);
    assert.deepEqual(matching('release:web@1.*'), ['web@1.0.0', 'web@1.2.0-rc.1', 'web@1.2.0', 'web@1.2.5+100']);
    assert.deepEqual(matching('!release.package:web'), ['api@1.2.0', 'nightly-7']);
    assert.deepEqual(matching('web release.version:>1.2.0'), ['web@1.2.5+100', 'web@2.0.0+99']);
  });

  it('refuses what it cannot read, saying why', () => {
    for (const [q, why] of [
      ['colour:blue', /unknown key "colour"/],
      ['release.version:>=banana', /not a version/],
      ['release.package:>a', /does not take >/],
      ['release.stage:gone', /release\.stage is one of adopted, low_adoption, replaced/],
      ['release.stage:>adopted', /does not take >/],
      ['release:"open', /Invalid query/],
      ['x'.repeat(1001), /longer than/],
    ] as const) {
      assert.throws(
        () => parseReleaseListQuery(q),
        (err: Error) => why.test(err.message),
        q.slice(0, 40),
      );
    }
  });

  it('answers hostile wildcards without backtracking (a backtracking matcher would not finish)', () => {
    const { matches } = parseReleaseListQuery(`release:${'*a'.repeat(200)}*b`);
    assert.equal(matches?.(`web@${'a'.repeat(50_000)}`), false);
    assert.equal(matches?.(`web@${'a'.repeat(50_000)}b`), true);
  });
});
