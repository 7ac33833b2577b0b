import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, COMMAND_IDS, type CommandId } from '@soestainable/bot/features/commands/catalog';
import { parseCommand } from '@soestainable/bot/features/commands/parse';
import { parseTeamCardArgs } from '@soestainable/shared/domain/owners';

/**
 * The command menu Teams shows (the manifest's commandLists, Dutch, and en.json, English) offers only what the
 * bot understands: each title is one of the bot's own aliases, and the Dutch and English titles of one entry are
 * the same command. A title may carry the argument that makes it a complete command (`teamkaart aan`): then the
 * command word is one of the bot's aliases and the argument is one the command understands, the same in both
 * languages.
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
  const { command, args } = parseCommand(title);
  const word = args === '' ? title : title.slice(0, title.length - args.length).trim();
  return COMMAND_IDS.find((id) => id === command && (COMMANDS[id].aliases as readonly string[]).includes(word));
}

/** The arguments a menu entry may carry, per command: what that command's own parser makes of them. */
const MENU_ARGUMENTS: Partial<Record<CommandId, (args: string) => unknown>> = {
  teamCard: (args) => parseTeamCardArgs(args),
};

describe('the manifest command menu and the bot', () => {
  it.each(entries.map((e) => [e.nl, e.en]))('"%s" / "%s" are aliases of one bot command, and parse as it', (nl, english) => {
    const id = commandOf(nl);
    expect({ nl, command: id }).toEqual({ nl, command: expect.any(String) });
    expect({ en: english, command: commandOf(english) }).toEqual({ en: english, command: id });
    expect(parseCommand(nl).command).toBe(id);
    expect(parseCommand(english).command).toBe(id);
    const [nlArgs, enArgs] = [parseCommand(nl).args, parseCommand(english).args];
    if (nlArgs === '' && enArgs === '') return;
    const understand = id === undefined ? undefined : MENU_ARGUMENTS[id];
    expect({ nl, understood: understand?.(nlArgs) }).toEqual({ nl, understood: expect.anything() });
    expect(understand?.(enArgs)).toEqual(understand?.(nlArgs));
  });
});
