//! Cmdlet parameters, declared once. One `params!` table per noun names each parameter's
//! field, its kind (how a given value edits the model), its Exchange (PascalCase) name and
//! whether the table view shows it; from that one line come the clap field (with the
//! Exchange spelling as a hidden alias where PascalCase of the field would get it wrong),
//! the code that applies it to the model, the noun's `PARAMS` list and its view columns.
//! Script mode binds pipeline input by property name through `PARAMS`.

/// One declared parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The clap argument id: the field's name (`sender_ip_addresses`).
    pub id: &'static str,
    /// The name Exchange gives it (`SenderIPAddresses`), also the model's property name.
    pub exchange: &'static str,
}

/// PascalCase of a snake_case field name: `sender_ip_addresses` → `SenderIpAddresses`.
fn pascal(field: &str) -> String {
    field
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The Exchange spelling as a hidden alias, only where it is not PascalCase of the field:
/// a needless alias would show up in every shell's completions.
pub fn exchange_alias(field: &str, exchange: &'static str) -> Option<&'static str> {
    (pascal(field) != exchange).then_some(exchange)
}

/// Declares a noun's parameters once. Each line is
/// `field: kind = "ExchangeName" [, key|wide|text];` after its doc comment and any extra
/// `#[arg(...)]`, where kind is
/// - `bool`: `$true`/`$false`, copied onto the model's field;
/// - `value(T)`: a `T` clap parses, copied onto the field;
/// - `list`: a comma list or `@{Add=...; Remove=...}` edit of a list field;
/// - `option`: one value parsed into an optional field, `$null` clearing it;
/// - `parsed`: one value parsed into the field (a size, a time span);
/// - `manual(T)`: a `T` the cmdlet reads itself (switches, values that move things);
/// - `flatten(T)`: a group of parameters declared elsewhere (no Exchange name).
///
/// `view [columns]` lists the columns shown before the parameters marked key, wide or text;
/// `view [columns] then [columns]` also those shown after them (properties no parameter
/// sets, such as a key's size).
/// It generates `struct $name` (clap `Args`), `$name::PARAMS`, `$name::COLUMNS` and
/// `$name::apply_declared`, which sets every parameter but the manual and flattened ones.
#[macro_export]
macro_rules! params {
    (
        $(#[$smeta:meta])*
        pub struct $name:ident for $model:ty;
        view [$($lead:expr),* $(,)?] $(then [$($trail:expr),* $(,)?])?;
        $(
            $(#[$meta:meta])*
            $field:ident: $kind:ident $(($($karg:tt)*))? $(= $exchange:literal $(, $fit:ident)?)?;
        )*
    ) => {
        $crate::params!(@struct [$(#[$smeta])* $name] []
            $( [$(#[$meta])* $field $kind ($($($karg)*)?) ($($exchange)?)] )*);

        impl $name {
            /// Every parameter with an Exchange name, in declaration order.
            pub const PARAMS: &'static [$crate::cmdlets::params::Param] = &[
                $($( $crate::cmdlets::params::Param { id: stringify!($field), exchange: $exchange }, )?)*
            ];
            /// The table view: the leading columns, the parameters marked for it, the
            /// trailing columns.
            pub const COLUMNS: &'static [$crate::output::Column] = &[
                $($lead,)* $($($( $crate::output::$fit($exchange), )?)?)* $($($trail,)*)?
            ];
            /// Sets each given parameter on `obj`; an error names the parameter.
            fn apply_declared(&self, obj: &mut $model) -> $crate::error::Result<()> {
                $( $crate::params!(@apply $kind (self.$field) (obj.$field) ($($exchange)?)); )*
                Ok(())
            }
        }
    };

    (@struct [$(#[$smeta:meta])* $name:ident] [$($done:tt)*]) => {
        $(#[$smeta])*
        #[derive(clap::Args, Debug, Default)]
        pub struct $name { $($done)* }
    };
    (@struct $head:tt [$($done:tt)*] [$(#[$meta:meta])* $field:ident bool () ($ex:literal)] $($rest:tt)*) => {
        $crate::params!(@struct $head [$($done)*
            $(#[$meta])*
            #[arg(long, aliases = $crate::cmdlets::params::exchange_alias(stringify!($field), $ex),
                value_name = "BOOL", value_parser = $crate::cmdlets::common::parse_bool)]
            pub $field: Option<bool>,
        ] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*] [$(#[$meta:meta])* $field:ident value ($t:ty) ($ex:literal)] $($rest:tt)*) => {
        $crate::params!(@struct $head [$($done)*
            $(#[$meta])*
            #[arg(long, aliases = $crate::cmdlets::params::exchange_alias(stringify!($field), $ex))]
            pub $field: Option<$t>,
        ] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*] [$(#[$meta:meta])* $field:ident list () ($ex:literal)] $($rest:tt)*) => {
        $crate::params!(@struct $head [$($done)*
            $(#[$meta])*
            #[arg(long, aliases = $crate::cmdlets::params::exchange_alias(stringify!($field), $ex))]
            pub $field: Option<Vec<String>>,
        ] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*] [$(#[$meta:meta])* $field:ident $kind:ident () ($ex:literal)] $($rest:tt)*) => {
        // option and parsed: one value as typed, parsed when applied.
        $crate::params!(@struct $head [$($done)*
            $(#[$meta])*
            #[arg(long, aliases = $crate::cmdlets::params::exchange_alias(stringify!($field), $ex))]
            pub $field: Option<String>,
        ] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*] [$(#[$meta:meta])* $field:ident manual ($t:ty) ($ex:literal)] $($rest:tt)*) => {
        $crate::params!(@struct $head [$($done)*
            $(#[$meta])*
            #[arg(long, aliases = $crate::cmdlets::params::exchange_alias(stringify!($field), $ex))]
            pub $field: $t,
        ] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*] [$(#[$meta:meta])* $field:ident flatten ($t:ty) ()] $($rest:tt)*) => {
        $crate::params!(@struct $head [$($done)*
            $(#[$meta])*
            #[command(flatten)]
            pub $field: $t,
        ] $($rest)*);
    };

    (@apply bool ($given:expr) ($target:expr) ($ex:literal)) => {
        if let Some(v) = $given { $target = v; }
    };
    (@apply value ($given:expr) ($target:expr) ($ex:literal)) => {
        if let Some(v) = &$given { $target = v.clone(); }
    };
    (@apply list ($given:expr) ($target:expr) ($ex:literal)) => {
        $crate::cmdlets::common::edit_list(&$given, &mut $target, $ex)?
    };
    (@apply option ($given:expr) ($target:expr) ($ex:literal)) => {
        $crate::cmdlets::common::edit_option(&$given, &mut $target, $ex)?
    };
    (@apply parsed ($given:expr) ($target:expr) ($ex:literal)) => {
        if let Some(v) = &$given { $target = $crate::cmdlets::common::parse_value(v, $ex)?; }
    };
    (@apply manual ($given:expr) ($target:expr) ($ex:literal)) => {};
    (@apply flatten ($given:expr) ($target:expr) ()) => {};
}

#[cfg(test)]
mod tests {
    use super::exchange_alias;

    #[test]
    fn alias_only_where_pascal_case_is_wrong() {
        assert_eq!(exchange_alias("require_tls", "RequireTls"), None);
        assert_eq!(
            exchange_alias("sender_ip_addresses", "SenderIPAddresses"),
            Some("SenderIPAddresses")
        );
        assert_eq!(exchange_alias("set_scl", "SetSCL"), Some("SetSCL"));
    }
}
