// Who the recap is from and who it is for: the sender, our company, and the participants split by side.
import type { Config, Sender } from "../config/load-config.js";
import type { Deal, Participant } from "./deal.js";

export interface RecapParties {
  /** The deal's `sender:`, else the configuration's; undefined when neither names one. */
  sender?: Sender;
  /** Our company: the sender's `company`, else the configured company name. */
  company?: string;
  /** The client's side, in file order. */
  client: Participant[];
  /** Our side, in file order (the sender included when listed as a participant). */
  ours: Participant[];
}

const key = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Splits the participants: an explicit `side:` wins; otherwise a participant is ours when their company is our
 * company (compared without case and legal form: "Nordlicht Energie" matches "Nordlicht Energie AG") or when
 * they are the sender; everyone else is the client's side.
 */
export function recapParties(deal: Deal, config: Config): RecapParties {
  const sender = deal.sender ?? config.sender;
  const company = sender?.company ?? config.company.name;
  const ours = (p: Participant): boolean => {
    if (p.side) return p.side === "ours";
    if (company && p.company && sameCompany(p.company, company)) return true;
    return sender !== undefined && key(p.name) === key(sender.name);
  };
  const result: RecapParties = {
    client: deal.participants.filter((p) => !ours(p)),
    ours: deal.participants.filter(ours),
  };
  if (sender) result.sender = sender;
  if (company) result.company = company;
  return result;
}

const LEGAL_FORMS = /\b(gmbh\s*&\s*co\.?\s*kg|gmbh|ag|kg|ohg|se|ug|e\.\s?k\.|ltd\.?|limited|inc\.?|llc|plc|co\.?)\s*$/;

function sameCompany(a: string, b: string): boolean {
  const bare = (s: string) =>
    key(s)
      .replace(LEGAL_FORMS, "")
      .replace(/[.,]+$/, "")
      .trim();
  return key(a) === key(b) || bare(a) === bare(b);
}

/** A mail address with its display name. */
export interface MailAddress {
  name: string;
  address: string;
}

/**
 * Where a draft comes from when nobody is configured: a reserved `.invalid` address (RFC 2606) that no mail
 * server accepts, so the draft cannot go out from a made-up sender; the README says to set `sender:`.
 */
export const UNKNOWN_SENDER_ADDRESS = "sender-not-configured@protokoll.invalid";

/** The sender as a mail address: `sender:`, else the first of our side with an address, else the placeholder. */
export function senderAddress(parties: RecapParties): MailAddress {
  const name = parties.sender?.name ?? parties.company ?? "";
  const address = parties.sender?.email ?? parties.ours.find((p) => p.email)?.email ?? UNKNOWN_SENDER_ADDRESS;
  return { name, address };
}

/** The configuration's sender as a mail address (the team's mails: the review, the owners' weeks). */
export function configSenderAddress(config: Config): MailAddress {
  const company = config.sender?.company ?? config.company.name;
  return senderAddress({
    ...(config.sender ? { sender: config.sender } : {}),
    ...(company ? { company } : {}),
    client: [],
    ours: [],
  });
}
