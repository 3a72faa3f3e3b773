/** The access token every test uses: distinctive, so finding it anywhere is unambiguous. */
export const TOKEN = 'tok_conversations_7f3a9c_never_print_me';
