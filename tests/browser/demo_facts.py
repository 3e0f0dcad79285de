"""What the demo content (example_site/demo/content.py) shows, as the tests expect it."""

# The recruiting employers, in the editors' order (Atelier Zénith Conseil does not recruit).
# Each name links to the employer's job openings.
EMPLOYERS = {
    "Boréal Physio": "https://boreal-physio.example/carrieres",
    "Cabinet Laurentide Avocats": "https://cabinet-laurentide-avocats.example/carrieres",
    "Le Fil Montréal": "https://le-fil-montreal.example/carrieres",
    "Caisse Horizon": "https://caisse-horizon.example/carrieres",
    "Notaires Beaulieu Gagnon": "https://notaires-beaulieu-gagnon.example/carrieres",
    "Collège Saint-Laurent Tech": "https://college-saint-laurent-tech.example/carrieres",
    "Groupe Érable Logistique": "https://groupe-erable-logistique.example/carrieres",
}
