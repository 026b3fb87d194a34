import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { activeItem, type NavItem } from "~/features/auth/navigation";
import { useI18n } from "~/utils/i18n-react";

/**
 * The main navigation. On a wide screen every entry is in view (a long menu wraps). On a phone the entries sit
 * behind one menu button: a native <details> element, so it opens and closes without JavaScript and with the
 * keyboard. With JavaScript it also closes after navigating, on Escape (focus back on the button) and on a click
 * outside it.
 */
const COMPACT_MENU_MAX = 4;

export function MainNav({ items }: { items: NavItem[] }) {
  const { t } = useI18n();
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  const current = activeItem(items, location.pathname);

  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname]);

  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, []);

  // A few entries fit on a phone as they are; a longer menu folds behind the button there.
  const compact = items.length <= COMPACT_MENU_MAX;
  return (
    <nav className={compact ? "main-nav main-nav--compact" : "main-nav"} aria-label={t("app.mainNavigation")}>
      <details ref={menu} className="main-nav__menu">
        <summary className="main-nav__toggle">
          <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
            <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span>{t("nav.menu")}</span>
          {current ? <span className="main-nav__current">{t(current.label)}</span> : null}
        </summary>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
}
