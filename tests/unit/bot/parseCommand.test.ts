import { parseCommand } from '@soestainable/bot/features/commands/parse';
import { COMMANDS, COMMAND_IDS } from '@soestainable/bot/features/commands/catalog';

describe('parseCommand', () => {
  it.each(COMMAND_IDS.flatMap((id) => COMMANDS[id].aliases.map((alias) => [alias, id] as const)))('reads "%s" as %s', (alias, id) => {
    expect(parseCommand(alias).command).toBe(id);
    expect(parseCommand(alias.toUpperCase()).command).toBe(id);
  });

  it.each([
    ['incheken', 'checkin'],
    ['Voortgnag', 'progress'],
    ['hervta', 'resume'],
    ['verwijder mijn gegevns', 'deleteData'],
    ['Mijn Gegevens', 'myData'],
    ['/help', 'help'],
    ['inchecken!', 'checkin'],
  ] as const)('forgives the typo in "%s" (%s)', (text, id) => {
    expect(parseCommand(text).command).toBe(id);
  });

  it('prefers the longest alias: "verwijder mijn gegevens" is not "mijn gegevens"', () => {
    expect(parseCommand('verwijder mijn gegevens').command).toBe('deleteData');
  });

  it('keeps the argument in the user\'s own casing, after an optional colon', () => {
    expect(parseCommand('prikkel: De kantine heeft alleen bekers van Plastic')).toEqual({
      command: 'barrier',
      args: 'De kantine heeft alleen bekers van Plastic',
    });
    expect(parseCommand('Barrier - no bike shed')).toEqual({ command: 'barrier', args: 'no bike shed' });
    expect(parseCommand('tijd 08:30')).toEqual({ command: 'time', args: '08:30' });
    expect(parseCommand('taal en')).toEqual({ command: 'language', args: 'en' });
    expect(parseCommand('idee:fietsen delen')).toEqual({ command: 'idea', args: 'fietsen delen' });
  });

  it('does not guess at short or unrelated words', () => {
    expect(parseCommand('hallo').command).toBeUndefined();
    expect(parseCommand('ti').command).toBeUndefined();
    expect(parseCommand('xyz').command).toBeUndefined();
    expect(parseCommand('').command).toBeUndefined();
    expect(parseCommand('   ').command).toBeUndefined();
    expect(parseCommand('wat is dit').command).toBeUndefined();
  });
});
