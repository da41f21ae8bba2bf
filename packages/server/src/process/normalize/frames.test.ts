import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInAppPath, normalizeStacktrace } from './frames.js';
import { Notes } from './processing-notes.js';

describe('frames', () => {
  it('in-app heuristic: library, runtime and pseudo paths are not in app', () => {
    for (const path of [
      '/app/node_modules/express/lib/router.js',
      'C:\\app\\node_modules\\x\\index.js',
      'node:internal/timers',
      'internal/process/task_queues.js',
      '/usr/lib/python3.11/threading.py',
      '/venv/lib/python3.11/site-packages/django/core/handlers.py',
      '/usr/lib/python3/dist-packages/requests/api.py',
      '<anonymous>',
      '[native code]',
      'chrome-extension://abcdef/content.js',
      'webpack:///webpack/bootstrap 1234',
    ]) {
      assert.equal(isInAppPath(path), false, path);
    }
    for (const path of ['/app/src/users.js', 'scenario.py', 'http://localhost:8080/dist/bundle.min.js', 'app:///main.js']) {
      assert.equal(isInAppPath(path), true, path);
    }
    assert.equal(isInAppPath(undefined), false);
  });

  it('the SDK flag wins over the heuristic; abs_path is preferred for the heuristic', () => {
    const notes = new Notes();
    const st = normalizeStacktrace(
      {
        frames: [
          { filename: '/app/node_modules/x.js', in_app: true },
          { filename: 'app.py', abs_path: '/venv/lib/python3.11/site-packages/app.py' },
          { filename: '/app/a.js' },
        ],
      },
      notes,
      'stacktrace',
    );
    assert.deepEqual(
      st?.frames.map((f) => f.in_app),
      [true, false, true],
    );
  });

  it('keeps the outer and inner ends of very long stacks, marking frames_omitted', () => {
    const notes = new Notes();
    const frames = Array.from({ length: 1000 }, (_, i) => ({ function: `f${i}`, filename: '/app/a.js' }));
    const st = normalizeStacktrace({ frames }, notes, 'stacktrace');
    assert.equal(st?.frames.length, 250);
    assert.deepEqual(st?.frames_omitted, [125, 875]);
    assert.equal(st?.frames[124]?.function, 'f124');
    assert.equal(st?.frames[125]?.function, 'f875');
    assert.equal(st?.frames.at(-1)?.function, 'f999');
    assert.deepEqual(notes.finish(), [{ type: 'trimmed', path: 'stacktrace.frames', detail: 'kept 250 of 1000 frames (dropped the middle)' }]);
  });

  it('field types: bad line numbers and non-object frames are removed with notes; addresses become hex', () => {
    const notes = new Notes();
    const st = normalizeStacktrace(
      [{ lineno: -1, colno: 2.5, function: 'f', instruction_addr: 4096, pre_context: ['a', null, 7], context_line: '' }, 'x'],
      notes,
      'st',
    );
    assert.deepEqual(st?.frames, [{ in_app: false, function: 'f', context_line: '', pre_context: ['a', '', ''], instruction_addr: '0x1000' }]);
    assert.deepEqual(
      notes.finish().map((n) => n.path),
      ['st.frames.0.lineno', 'st.frames.0.colno', 'st.frames'],
    );
  });

  it('an empty frame list is no stack trace; vars are trimmed as a bag', () => {
    assert.equal(normalizeStacktrace({ frames: [] }, new Notes(), 's'), undefined);
    const notes = new Notes();
    const st = normalizeStacktrace({ frames: [{ vars: { big: 'z'.repeat(600) } }] }, notes, 's');
    assert.equal(String(st?.frames[0]?.vars?.big).length, 512);
    assert.deepEqual(
      notes.finish().map((n) => n.path),
      ['s.frames.0.vars'],
    );
  });
});
