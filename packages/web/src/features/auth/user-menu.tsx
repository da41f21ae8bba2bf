import { useNavigate } from 'react-router';
import { Menu, MenuHeading, MenuItem, MenuSeparator } from '../../ui/menu.js';
import type { ThemeChoice } from '../../ui/theme.js';
import { useSession, useUser } from './session.js';

const THEMES: [ThemeChoice, string][] = [
  ['system', 'System theme'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function UserMenu({ org, theme, onTheme }: { org: string | undefined; theme: ThemeChoice; onTheme: (t: ThemeChoice) => void }) {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const initials = (user.name || user.email).slice(0, 1).toUpperCase();
  return (
    <Menu
      align="right"
      className="btn btn-ghost user-button"
      buttonLabel={`Account menu for ${user.email}`}
      label={
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
      }
    >
      {(close) => (
        <>
          <MenuHeading>
            <span className="user-email">{user.email}</span>
          </MenuHeading>
          {org && (
            <MenuItem
              onSelect={() => {
                close();
                navigate(`/settings/${org}/tokens/`);
              }}
            >
              API tokens
            </MenuItem>
          )}
          <MenuSeparator />
          <MenuHeading>Theme</MenuHeading>
          {THEMES.map(([value, label]) => (
            <MenuItem key={value} checked={theme === value} onSelect={() => onTheme(value)}>
              {label}
            </MenuItem>
          ))}
          <MenuSeparator />
          <MenuItem
            onSelect={() => {
              close();
              void signOut().then(() => navigate('/auth/login/'));
            }}
          >
            Sign out
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
