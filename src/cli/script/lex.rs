//! The lexer of the PowerShell subset a script may use: words in PowerShell's argument
//! mode, `-Parameter` and `-Parameter:`, variables with property paths, single- and
//! double-quoted strings (with backtick escapes and `$var` expansion), `#` and `<# #>`
//! comments, backtick line continuation, and the punctuation of arrays, hashtables,
//! script blocks and pipelines. Pure: text in, tokens out, no evaluation.

/// A piece of an expandable string or word: literal text, or a variable to expand.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Var(VarRef),
}

/// `$name`, `$name.Prop.Prop` (outside strings) or `$($name.Prop)` (inside them).
#[derive(Debug, Clone, PartialEq)]
pub struct VarRef {
    pub name: String,
    pub path: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A word or a quoted string; `quoted` tells `"-x"` (a value) from a bare word.
    Text {
        parts: Vec<Part>,
        quoted: bool,
    },
    /// `-Name`, or `-Name:` when a value is attached with a colon.
    Param {
        name: String,
        colon: bool,
    },
    Var(VarRef),
    Comma,
    Semi,
    Newline,
    Pipe,
    Assign,
    LParen,
    RParen,
    LBrace,
    RBrace,
    /// `@(`
    AtParen,
    /// `@{`
    AtBrace,
    /// `.Name` right after a `)`: a property of what the parentheses give.
    Member(String),
    /// `>`, `>>`, `2>&1` and the like: named in the error, as scripts may not redirect.
    Redirect(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// 1-based, for error messages.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub line: usize,
    pub message: String,
}

/// What encloses the current position: inside a hashtable `=` and newlines are
/// punctuation; elsewhere `=` may be part of a word (`CN=mx.contoso.com`).
#[derive(Clone, Copy, PartialEq)]
enum Nest {
    Hash,
    Block,
    Paren,
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    nest: Vec<Nest>,
    out: Vec<Token>,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that end a bare word.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || ";|,(){}'\"".contains(c)
}

/// The character a backtick escape stands for (PowerShell's `n, `t, `0, ...).
fn escaped(c: char) -> char {
    match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'v' => '\u{b}',
        'e' => '\u{1b}',
        other => other,
    }
}

impl Lexer<'_> {
    fn err(&self, message: impl Into<String>) -> LexError {
        LexError {
            line: self.line,
            message: message.into(),
        }
    }

    fn push(&mut self, tok: Tok) {
        self.out.push(Token {
            tok,
            line: self.line,
        });
    }

    fn next_char(&mut self) -> Option<char> {
        let c = self.chars.next();
        if c == Some('\n') {
            self.line += 1;
        }
        c
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(&c) = self.chars.peek() {
            if !is_name_char(c) {
                break;
            }
            name.push(c);
            self.chars.next();
        }
        name
    }

    /// After a `$`: a variable (`$x`, `${x}`, `$env:X`, `$_`), with its `.Prop` path when
    /// `with_path`; None when the `$` stands alone (a literal dollar).
    fn variable(&mut self, with_path: bool) -> Result<Option<VarRef>, LexError> {
        let name = match self.chars.peek() {
            Some('{') => {
                self.chars.next();
                let mut name = String::new();
                loop {
                    match self.next_char() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => return Err(self.err("unterminated ${...} variable")),
                    }
                }
                name
            }
            Some(&c) if is_name_char(c) => {
                let mut name = self.name();
                // A scope or drive qualifier: $env:DOMAIN, $script:x.
                if self.chars.peek() == Some(&':') {
                    let mut ahead = self.chars.clone();
                    ahead.next();
                    if ahead.peek().is_some_and(|c| is_name_char(*c)) {
                        self.chars.next();
                        name.push(':');
                        name.push_str(&self.name());
                    }
                }
                name
            }
            _ => return Ok(None),
        };
        let mut path = Vec::new();
        while with_path && self.chars.peek() == Some(&'.') {
            let mut ahead = self.chars.clone();
            ahead.next();
            if !ahead.peek().is_some_and(|c| c.is_alphabetic() || *c == '_') {
                break;
            }
            self.chars.next();
            path.push(self.name());
        }
        Ok(Some(VarRef { name, path }))
    }

    fn single_quoted(&mut self) -> Result<(), LexError> {
        let start = self.line;
        let mut text = String::new();
        loop {
            match self.next_char() {
                Some('\'') if self.chars.peek() == Some(&'\'') => {
                    self.chars.next();
                    text.push('\'');
                }
                Some('\'') => break,
                Some(c) => text.push(c),
                None => {
                    return Err(LexError {
                        line: start,
                        message: "a single-quoted string is not closed".into(),
                    });
                }
            }
        }
        self.out.push(Token {
            tok: Tok::Text {
                parts: vec![Part::Text(text)],
                quoted: true,
            },
            line: start,
        });
        Ok(())
    }

    fn double_quoted(&mut self) -> Result<(), LexError> {
        let start = self.line;
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            match self.next_char() {
                Some('"') if self.chars.peek() == Some(&'"') => {
                    self.chars.next();
                    text.push('"');
                }
                Some('"') => break,
                Some('`') => match self.next_char() {
                    Some(c) => text.push(escaped(c)),
                    None => break,
                },
                Some('$') if self.chars.peek() == Some(&'(') => {
                    // $(...) inside a string: the simple form, one variable and its path.
                    self.chars.next();
                    while self.chars.peek().is_some_and(|c| *c == ' ') {
                        self.chars.next();
                    }
                    if self.next_char() != Some('$') {
                        return Err(self.err(
                            "only a variable may be expanded in a string: write \"$($x.Name)\"",
                        ));
                    }
                    let var = self.variable(true)?.ok_or_else(|| {
                        self.err(
                            "only a variable may be expanded in a string: write \"$($x.Name)\"",
                        )
                    })?;
                    while self.chars.peek().is_some_and(|c| *c == ' ') {
                        self.chars.next();
                    }
                    if self.next_char() != Some(')') {
                        return Err(self.err("a $( in a string is not closed with )"));
                    }
                    parts.push(Part::Text(std::mem::take(&mut text)));
                    parts.push(Part::Var(var));
                }
                Some('$') => match self.variable(false)? {
                    Some(var) => {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                        parts.push(Part::Var(var));
                    }
                    None => text.push('$'),
                },
                Some(c) => text.push(c),
                None => {
                    return Err(LexError {
                        line: start,
                        message: "a double-quoted string is not closed".into(),
                    });
                }
            }
        }
        parts.push(Part::Text(text));
        parts.retain(|p| !matches!(p, Part::Text(t) if t.is_empty()));
        self.out.push(Token {
            tok: Tok::Text {
                parts,
                quoted: true,
            },
            line: start,
        });
        Ok(())
    }

    /// A bare word: a cmdlet name, an unquoted value (`contoso.com`, `1.2.3.4/24`), with
    /// `$var` expanded and backtick escapes.
    fn word(&mut self) -> Result<(), LexError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let in_hash = self.nest.last() == Some(&Nest::Hash);
        while let Some(&c) = self.chars.peek() {
            if ends_word(c) || (in_hash && c == '=') {
                break;
            }
            self.chars.next();
            match c {
                '`' => match self.next_char() {
                    Some('\n') | None => break,
                    Some(e) => text.push(escaped(e)),
                },
                '$' => match self.variable(false)? {
                    Some(var) => {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                        parts.push(Part::Var(var));
                    }
                    None => text.push('$'),
                },
                c => text.push(c),
            }
        }
        parts.push(Part::Text(text));
        parts.retain(|p| !matches!(p, Part::Text(t) if t.is_empty()));
        self.push(Tok::Text {
            parts,
            quoted: false,
        });
        Ok(())
    }

    fn close(&mut self, want: &[Nest], tok: Tok, shown: char) -> Result<(), LexError> {
        match self.nest.pop() {
            Some(n) if want.contains(&n) => {
                self.push(tok);
                Ok(())
            }
            _ => Err(self.err(format!("'{shown}' closes nothing that is open"))),
        }
    }

    fn run(mut self) -> Result<Vec<Token>, LexError> {
        while let Some(&c) = self.chars.peek() {
            match c {
                '\n' => {
                    self.next_char();
                    self.push(Tok::Newline);
                    // push() recorded the next line: a newline belongs to the line it ends.
                    if let Some(t) = self.out.last_mut() {
                        t.line -= 1;
                    }
                }
                c if c.is_whitespace() => {
                    self.chars.next();
                }
                '#' => {
                    while self.chars.peek().is_some_and(|c| *c != '\n') {
                        self.chars.next();
                    }
                }
                '<' => {
                    self.chars.next();
                    if self.chars.peek() != Some(&'#') {
                        return Err(self.err("'<' is not supported (input redirection)"));
                    }
                    self.chars.next();
                    let start = self.line;
                    let mut prev = ' ';
                    loop {
                        match self.next_char() {
                            Some('>') if prev == '#' => break,
                            Some(c) => prev = c,
                            None => {
                                return Err(LexError {
                                    line: start,
                                    message: "a <# comment is not closed with #>".into(),
                                });
                            }
                        }
                    }
                }
                '`' => {
                    self.chars.next();
                    match self.chars.peek() {
                        // Line continuation (also with a \r\n line end).
                        Some('\n') => {
                            self.next_char();
                        }
                        Some('\r') => {
                            self.chars.next();
                            if self.chars.peek() == Some(&'\n') {
                                self.next_char();
                            }
                        }
                        Some(_) => {
                            let e = self.next_char().map(escaped).unwrap_or('`');
                            self.word()?;
                            if let Some(Token {
                                tok: Tok::Text { parts, .. },
                                ..
                            }) = self.out.last_mut()
                            {
                                parts.insert(0, Part::Text(e.to_string()));
                            }
                        }
                        None => {}
                    }
                }
                ';' => {
                    self.chars.next();
                    self.push(Tok::Semi);
                }
                '|' => {
                    self.chars.next();
                    self.push(Tok::Pipe);
                }
                ',' => {
                    self.chars.next();
                    self.push(Tok::Comma);
                }
                '=' => {
                    self.chars.next();
                    self.push(Tok::Assign);
                }
                '(' => {
                    self.chars.next();
                    self.nest.push(Nest::Paren);
                    self.push(Tok::LParen);
                }
                ')' => {
                    self.chars.next();
                    self.close(&[Nest::Paren], Tok::RParen, ')')?;
                    // (Get-X).Name: the path, read as a variable's is.
                    while self.chars.peek() == Some(&'.') {
                        let mut ahead = self.chars.clone();
                        ahead.next();
                        if !ahead.peek().is_some_and(|c| c.is_alphabetic() || *c == '_') {
                            break;
                        }
                        self.chars.next();
                        let name = self.name();
                        self.push(Tok::Member(name));
                    }
                }
                '{' => {
                    self.chars.next();
                    self.nest.push(Nest::Block);
                    self.push(Tok::LBrace);
                }
                '}' => {
                    self.chars.next();
                    self.close(&[Nest::Block, Nest::Hash], Tok::RBrace, '}')?;
                }
                '@' => {
                    self.chars.next();
                    match self.chars.peek() {
                        Some('(') => {
                            self.chars.next();
                            self.nest.push(Nest::Paren);
                            self.push(Tok::AtParen);
                        }
                        Some('{') => {
                            self.chars.next();
                            self.nest.push(Nest::Hash);
                            self.push(Tok::AtBrace);
                        }
                        _ => {
                            self.word()?;
                            if let Some(Token {
                                tok: Tok::Text { parts, .. },
                                ..
                            }) = self.out.last_mut()
                            {
                                parts.insert(0, Part::Text("@".into()));
                            }
                        }
                    }
                }
                '\'' => {
                    self.chars.next();
                    self.single_quoted()?;
                }
                '"' => {
                    self.chars.next();
                    self.double_quoted()?;
                }
                '$' => {
                    self.chars.next();
                    match self.variable(true)? {
                        Some(var) => self.push(Tok::Var(var)),
                        None => return Err(self.err("'$' must be followed by a variable name")),
                    }
                }
                '>' | '2' | '&' if self.redirect() => {}
                '-' => {
                    self.chars.next();
                    match self.chars.peek() {
                        Some(&c) if c.is_alphabetic() || c == '_' => {
                            let name = self.name();
                            // `-Name:value`, the value attached.
                            let colon = self.chars.peek() == Some(&':');
                            if colon {
                                self.chars.next();
                            }
                            self.push(Tok::Param { name, colon });
                        }
                        _ => {
                            self.word()?;
                            if let Some(Token {
                                tok: Tok::Text { parts, .. },
                                ..
                            }) = self.out.last_mut()
                            {
                                match parts.first_mut() {
                                    Some(Part::Text(t)) => t.insert(0, '-'),
                                    _ => parts.insert(0, Part::Text("-".into())),
                                }
                            }
                        }
                    }
                }
                _ => self.word()?,
            }
        }
        if let Some(open) = self.nest.last() {
            let what = match open {
                Nest::Hash => "a @{ hashtable is not closed with }",
                Nest::Block => "a { script block is not closed with }",
                Nest::Paren => "a ( is not closed with )",
            };
            return Err(self.err(what));
        }
        Ok(self.out)
    }

    /// A redirection at this point (`>`, `>>`, `2>`, `2>&1`, `>$null`, and `&`, the call
    /// operator): taken whole as a token, so the parser can name it. `2` followed by
    /// anything but `>` is a number, left to `word`.
    fn redirect(&mut self) -> bool {
        let mut ahead = self.chars.clone();
        match ahead.next() {
            Some('>' | '&') => {}
            Some('2') if ahead.peek() == Some(&'>') => {}
            _ => return false,
        }
        let mut text = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_whitespace() || ";|".contains(c) {
                break;
            }
            text.push(c);
            self.chars.next();
        }
        self.push(Tok::Redirect(text));
        true
    }
}

/// Splits `text` into tokens.
pub fn lex(text: &str) -> Result<Vec<Token>, LexError> {
    Lexer {
        chars: text.chars().peekable(),
        line: 1,
        nest: Vec::new(),
        out: Vec::new(),
    }
    .run()
}

#[cfg(test)]
mod tests;
