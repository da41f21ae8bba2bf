import { Fragment } from 'react';
import type { StatusDetails } from '../../api/index.js';
import { Menu, MenuHeading, MenuItem, MenuSeparator } from '../../ui/menu.js';
import { IGNORE_GROUPS } from './status-changes.js';

/** Ignore forever, for a while, or until it happens N more times or to N more users. */
export function IgnoreMenu({ onIgnore, disabled, small }: { onIgnore: (details: StatusDetails) => void; disabled?: boolean; small?: boolean }) {
  return (
    <Menu label="Ignore" className={`btn${small ? ' btn-small' : ''}`} disabled={disabled ?? false}>
      {(close) =>
        IGNORE_GROUPS.map((g, i) => (
          <Fragment key={g.heading}>
            {i > 0 && <MenuSeparator />}
            <MenuHeading>{g.heading}</MenuHeading>
            {g.options.map((o) => (
              <MenuItem
                key={o.label}
                onSelect={() => {
                  close();
                  onIgnore(o.details);
                }}
              >
                {o.label}
              </MenuItem>
            ))}
          </Fragment>
        ))
      }
    </Menu>
  );
}
