// Every record a plan touches has an address: `target/kind/key`, e.g. kimai/user/anna.schmidt, kimai/team/backend.

/** `target/kind/key`: unique within a plan; a change, a reference and a fingerprint are all named by it. */
export type Address = string;

export function address(target: string, kind: string, key: string): Address {
  return `${target}/${kind}/${key}`;
}

export interface AddressParts {
  target: string;
  kind: string;
  key: string;
}

/** The parts of an address; the key may itself contain slashes. */
export function parseAddress(value: Address): AddressParts | undefined {
  const first = value.indexOf("/");
  const second = first < 0 ? -1 : value.indexOf("/", first + 1);
  if (first <= 0 || second <= first + 1 || second === value.length - 1) return undefined;
  return {
    target: value.slice(0, first),
    kind: value.slice(first + 1, second),
    key: value.slice(second + 1),
  };
}
