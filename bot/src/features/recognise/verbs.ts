/** The card verbs of "herken ik" (me too) on barriers. */
export const RECOGNISE_VERBS = {
  /** Recognise a barrier (`want: 'on'`) or withdraw (`'off'`). */
  toggle: 'recognise.toggle',
  /** "Laat me weten wat ermee gebeurt" on (`want: 'on'`) or off, on a barrier the person recognises. */
  notify: 'recognise.notify',
} as const;
