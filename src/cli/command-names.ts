// The CLI's commands by name (the launcher keeps one code cache per command, so it needs them without the parser).
export type CommandName = 'check' | 'lint' | 'fit' | 'rules' | 'explain' | 'init' | 'help';
export const COMMANDS: readonly CommandName[] = ['check', 'lint', 'fit', 'rules', 'explain', 'init', 'help'];
