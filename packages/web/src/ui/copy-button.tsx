import { useEffect, useState } from 'react';

/** Copies text; says "Copied" for a moment. Falls back to a hidden textarea where the Clipboard API is missing (http origins). */
export function CopyButton({ text, label = 'Copy', className = 'btn btn-small' }: { text: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  }
  return (
    <button type="button" className={className} onClick={copy} aria-live="polite">
      {copied ? 'Copied' : label}
    </button>
  );
}
