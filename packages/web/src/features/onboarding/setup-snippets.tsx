import { useState } from 'react';
import { CopyButton } from '../../ui/copy-button.js';
import { Tabs } from '../../ui/tabs.js';
import { platformFor, SNIPPET_PLATFORMS, type SnippetPlatform, snippetFor } from './snippets.js';

export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="codeblock">
      <figcaption>
        <span>{label}</span>
        <CopyButton text={code} />
      </figcaption>
      <pre className="code">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

/** Install command and setup code for the chosen SDK, with this project's DSN filled in. */
export function SetupSnippets({ dsn, projectPlatform }: { dsn: string; projectPlatform: string | null | undefined }) {
  const [platform, setPlatform] = useState<SnippetPlatform>(() => platformFor(projectPlatform));
  const snippet = snippetFor(platform, dsn);
  return (
    <div className="setup-snippets">
      <Tabs label="SDK" items={SNIPPET_PLATFORMS} selected={platform} onSelect={setPlatform} />
      <div role="tabpanel" aria-label={snippet.label} className="setup-panel">
        <CodeBlock label="Install" code={snippet.install} />
        {snippet.files.map((f) => (
          <CodeBlock key={f.name} label={f.name} code={f.code} />
        ))}
        {snippet.run && <CodeBlock label="Run" code={snippet.run} />}
      </div>
    </div>
  );
}
