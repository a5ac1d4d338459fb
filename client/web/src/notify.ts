/// <reference lib="dom" />
/** Desktop notifications: permission asked once per browser (remembered), shown only when granted. */

const ASKED_KEY = 'crewdesk.notificationsAsked';

/** Asks for permission the first time only; later calls do nothing. */
export function askNotificationsOnce(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  try {
    if (localStorage.getItem(ASKED_KEY)) return;
    localStorage.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    return;
  }
  void Notification.requestPermission().catch(() => undefined);
}

/** A desktop notification when allowed and the page is not in front; `tag` folds repeats. */
export function notify(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  try {
    new Notification(title, { body, tag });
  } catch {
    /* some browsers only allow notifications from a service worker */
  }
}
