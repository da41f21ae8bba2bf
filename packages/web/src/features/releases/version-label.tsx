import { Link } from 'react-router';
import { describeVersion, releaseHref } from './version.js';

/** The shortened version with its package beside it; the full version on hover and for screen readers. */
export function VersionLabel({ version, org, linked = true, search = '' }: { version: string; org: string; linked?: boolean; search?: string }) {
  const v = describeVersion(version);
  const label = (
    <>
      <span className="release-version mono">{v.short}</span>
      {v.pkg && <span className="release-package faint">{v.pkg}</span>}
    </>
  );
  return linked ? (
    <Link to={releaseHref(org, version, search)} className="release-label" title={version} aria-label={`Release ${version}`}>
      {label}
    </Link>
  ) : (
    <span className="release-label" title={version}>
      {label}
    </span>
  );
}

/** A release named in running text (issue header, activity): the full version, linked to its page. */
export function ReleaseLink({ org, version, className = 'mono' }: { org: string; version: string; className?: string }) {
  return (
    <Link to={releaseHref(org, version)} className={className} title={`Release ${version}`}>
      {version}
    </Link>
  );
}
