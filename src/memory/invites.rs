//! Which customer a calendar invite is with, from its attendees' email
//! domains: a domain seen in the invites of one customer's earlier notes,
//! or one whose name is the customer's ("northwind.example" for
//! "Northwind Traders").

use crate::memory::NoteRecord;

/// Domains of mail providers anyone may use: they tell no organisation.
const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "web.de",
];

/// What the notes of one customer say about invites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitedCustomer {
    /// The newest note's spelling.
    pub name: String,
    /// The domains of the invites their notes were started from.
    pub domains: Vec<String>,
}

impl InvitedCustomer {
    /// From the notes of one customer, sorted by date; none for no notes.
    pub fn of(notes: &[NoteRecord]) -> Option<InvitedCustomer> {
        let mut domains: Vec<String> = Vec::new();
        for domain in notes
            .iter()
            .filter_map(|note| note.invite.as_ref())
            .flat_map(|invite| invite.domains())
        {
            if !domains.iter().any(|known| known == domain) {
                domains.push(domain.to_string());
            }
        }
        Some(InvitedCustomer {
            name: notes.last()?.customer.clone(),
            domains,
        })
    }
}

/// The one customer the invite's `domains` point to, else none:
/// - a domain whose name is a customer's points to it;
/// - a domain seen in one customer's invites points to it, unless the
///   invite also has a domain coach has never seen (a new organisation: the
///   one seen may be your own, met so far only with that customer);
/// - free-mail domains and domains seen with several customers (your own)
///   point nowhere; two customers pointed to is no answer.
pub fn customer_of(domains: &[String], customers: &[InvitedCustomer]) -> Option<String> {
    let mut by_name: Vec<&str> = Vec::new();
    let mut by_history: Vec<&str> = Vec::new();
    let mut unknown = false;
    for domain in domains {
        let domain = domain.to_lowercase();
        if FREE_MAIL.contains(&domain.as_str()) {
            continue;
        }
        let named: Vec<&str> = customers
            .iter()
            .filter(|customer| names(&domain, &customer.name))
            .map(|customer| customer.name.as_str())
            .collect();
        let seen: Vec<&str> = customers
            .iter()
            .filter(|customer| customer.domains.contains(&domain))
            .map(|customer| customer.name.as_str())
            .collect();
        match (named.as_slice(), seen.as_slice()) {
            ([name], _) => by_name.push(name),
            ([], []) => unknown = true,
            ([], [name]) => by_history.push(name),
            _ => {}
        }
    }
    let mut pointed: Vec<&str> = by_name;
    if !unknown {
        pointed.extend(by_history);
    }
    pointed.sort_unstable();
    pointed.dedup();
    match pointed.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// Whether the domain's organisation label (`northwind` of
/// `mail.northwind.co.uk`) is the customer's name run together or its
/// first word (of three letters or more).
fn names(domain: &str, customer: &str) -> bool {
    let mut labels: Vec<&str> = domain.split('.').collect();
    labels.pop();
    if labels.len() >= 2
        && ["co", "com", "org", "net", "ac", "gov"].contains(&labels[labels.len() - 1])
    {
        labels.pop();
    }
    let Some(label) = labels.last().map(|label| label.replace('-', "")) else {
        return false;
    };
    let words: Vec<String> = customer
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let whole = words.concat();
    label.len() >= 3 && (label == whole || words.first().is_some_and(|first| *first == label))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(name: &str, domains: &[&str]) -> InvitedCustomer {
        InvitedCustomer {
            name: name.into(),
            domains: domains.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn of(domains: &[&str], customers: &[InvitedCustomer]) -> Option<String> {
        let domains: Vec<String> = domains.iter().map(|d| d.to_string()).collect();
        customer_of(&domains, customers)
    }

    #[test]
    fn a_domain_named_like_a_customer_points_to_it_even_beside_your_own() {
        let known = [customer("Northwind Traders", &[]), customer("Contoso", &[])];
        assert_eq!(
            of(&["mycorp.example", "northwind.example"], &known).as_deref(),
            Some("Northwind Traders")
        );
        assert_eq!(
            of(&["mail.contoso.co.uk", "gmail.com"], &known).as_deref(),
            Some("Contoso")
        );
        assert_eq!(of(&["mycorp.example"], &known), None);
    }

    #[test]
    fn domains_of_earlier_invites_point_to_their_customer_unless_a_new_one_comes_along() {
        let known = [
            customer("Fabrikam", &["mycorp.example", "fbk-group.example"]),
            customer("Contoso", &[]),
        ];
        assert_eq!(
            of(&["mycorp.example", "fbk-group.example"], &known).as_deref(),
            Some("Fabrikam")
        );
        // Your own domain, seen only with Fabrikam so far, beside a stranger's.
        assert_eq!(of(&["mycorp.example", "tailspin.example"], &known), None);
    }

    #[test]
    fn a_domain_seen_with_two_customers_points_nowhere_and_two_customers_is_no_answer() {
        let known = [
            customer("Fabrikam", &["mycorp.example", "fbk-group.example"]),
            customer("Contoso", &["mycorp.example", "contoso.example"]),
        ];
        assert_eq!(
            of(&["mycorp.example", "contoso.example"], &known).as_deref(),
            Some("Contoso")
        );
        assert_eq!(of(&["fbk-group.example", "contoso.example"], &known), None);
    }
}
