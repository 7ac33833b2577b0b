import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, COMMAND_IDS, type CommandId } from '@soestainable/bot/features/commands/catalog';
import { parseCommand } from '@soestainable/bot/features/commands/parse';

/**
 * The command menu Teams shows (the manifest's commandLists, Dutch, and en.json, English) offers only what the
 * bot understands: each title is one of the bot's own aliases, and the Dutch and English titles of one entry are
 * the same command.
 */
const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest/manifest.json'), 'utf8')) as {
  bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
};
const en = JSON.parse(readFileSync(join(root, 'manifest/en.json'), 'utf8')) as Record<string, string>;

const entries = (manifest.bots[0]?.commandLists ?? []).flatMap((list, l) =>
  list.commands.map((c, i) => ({ nl: c.title, en: en[`bots[0].commandLists[${l}].commands[${i}].title`] ?? '' })),
);

function commandOf(title: string): CommandId | undefined {
  return COMMAND_IDS.find((id) => (COMMANDS[id].aliases as readonly string[]).includes(title));
}

describe('the manifest command menu and the bot', () => {
  it.each(entries.map((e) => [e.nl, e.en]))('"%s" / "%s" are aliases of one bot command, and parse as it', (nl, english) => {
    const id = commandOf(nl);
    expect({ nl, command: id }).toEqual({ nl, command: expect.any(String) });
    expect({ en: english, command: commandOf(english) }).toEqual({ en: english, command: id });
    expect(parseCommand(nl).command).toBe(id);
    expect(parseCommand(english).command).toBe(id);
  });
});
