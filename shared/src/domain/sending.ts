/**
 * Proactive sending: claims that make each send exactly-once, and the counters of one job run. Pure types.
 */

/**
 * `end`: the end survey card after the last challenge day's nudge (period: the campaign id). `followup`: a follow-up
 * pulse (period: `<campaignId>|w<wave>`, see followUpPeriod in followUp.ts). `owner`: an action owner's card or reminder
 * (period: see ownerAnnouncePeriod / ownerReminderPeriod in owners.ts). `teamcard`: a team channel's weekly card
 * (period: the ISO week, `2026-W50`).
 */
export const SEND_KINDS = ['nudge', 'digest', 'yousaid', 'end', 'followup', 'owner', 'teamcard'] as const;
export type SendKind = (typeof SEND_KINDS)[number];

export const SEND_CLAIM_STATES = ['claimed', 'sent', 'failed', 'skipped'] as const;
export type SendClaimState = (typeof SEND_CLAIM_STATES)[number];

/**
 * An error code or skip reason as stored: letters, digits and `_ . : -`, at most 64 characters. Never an error
 * message, which can hold tokens or personal data.
 */
export const SEND_CODE_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The claim taken before a proactive send to one recipient for one period (`nudge` on `2026-12-07`, `digest` in
 * week `2026-W50`). Inserting it is what makes the send exactly-once: whoever inserted it sends; everybody
 * else leaves it. A claim still `claimed` after its run ended is *uncertain*: the sender may have crashed
 * before or after the message went out.
 */
export interface SendClaim {
  readonly kind: SendKind;
  readonly period: string;
  readonly recipientId: string;
  readonly state: SendClaimState;
  /** The run that holds the claim: `<instanceId>.<random nonce per run>`. */
  readonly claimedBy: string;
  readonly claimedAt: string;
  /** How many times the claim was taken: 1, plus one per retry of a failed send. */
  readonly attempts: number;
  /** When it left `claimed` (sent, failed or skipped). */
  readonly finishedAt?: string;
  /** The Bot Framework activity id of the sent message. */
  readonly activityId?: string;
  /** A code (`HTTP_403`, `CONVERSATION_GONE`), never message text or tokens. See {@link SEND_CODE_PATTERN}. */
  readonly lastError?: string;
  /** A code such as `paused`, `holiday`, `no_conversation`. */
  readonly skipReason?: string;
}

/** The counters of one run of a sending job (nudges at one minute, the Monday digest, "you said, we did"). */
export interface SendRun {
  readonly kind: SendKind;
  /** Sorts newest first within the kind. */
  readonly runId: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly queued: number;
  readonly sent: number;
  /** Sends that needed more than one try (429, 412, 502, 504). */
  readonly retried: number;
  /** 429 answers seen. */
  readonly throttled: number;
  readonly failed: number;
  readonly skipped: number;
  /** `skipped` by reason code. */
  readonly skippedByReason: Readonly<Record<string, number>>;
  /** Claims found still `claimed` from an earlier, interrupted run: maybe sent, maybe not. */
  readonly uncertain: number;
  readonly durationMs: number;
}

/** The counters of {@link SendRun}, for code that adds them up. */
export const SEND_RUN_COUNTERS = ['queued', 'sent', 'retried', 'throttled', 'failed', 'skipped', 'uncertain', 'durationMs'] as const;
