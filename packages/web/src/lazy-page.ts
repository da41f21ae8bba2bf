import { type ComponentType, lazy } from 'react';

const RELOADED = 'faultline-chunk-reload';

/**
 * React.lazy for a route. After an upgrade the old chunk names are gone and the import fails:
 * reload once to pick up the new build instead of showing a broken page.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  return lazy(async () => {
    try {
      const page = await load();
      sessionStorage.removeItem(RELOADED);
      return page;
    } catch (err) {
      if (sessionStorage.getItem(RELOADED) === null) {
        sessionStorage.setItem(RELOADED, '1');
        window.location.reload();
        return new Promise<never>(() => {});
      }
      throw err;
    }
  });
}
