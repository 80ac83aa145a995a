// A mail server's answer often quotes the recipient ("550 5.1.1 <ada@example.com>: no such user"). What the
// site keeps of such answers (the outbox's last error, the log) carries no address: each becomes a marker.
const ADDRESS = /[^\s<>()[\]",;:@]+@[^\s<>()[\]",;:@]+/g;

export const maskAddresses = (text: string) => text.replace(ADDRESS, '<address>');
