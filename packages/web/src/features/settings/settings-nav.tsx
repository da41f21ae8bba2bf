import { NavLink } from 'react-router';

export function SettingsNav({ title, base, items }: { title: string; base: string; items: readonly [string, string][] }) {
  return (
    <nav className="settings-nav" aria-label={title}>
      <h2>{title}</h2>
      {items.map(([section, label]) => (
        <NavLink key={section} to={`${base}${section ? `${section}/` : ''}`} end>
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
