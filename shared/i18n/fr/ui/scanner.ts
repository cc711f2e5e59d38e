/** Scanners: status, layouts, calibration and the test log. Namespace `ui`; interpolation: `{{name}}`. */
export const frScannerUi = {
  scanner: {
    calibrated: 'Scanner reconnu : clavier {{layout}}. Les codes seuls seront lus avec ce clavier.',
    layout: {
      typed: 'comme ce poste',
      us: 'US (QWERTY)',
      fr: 'français (AZERTY)',
      be: 'belge (AZERTY)',
      de: 'allemand (QWERTZ)',
      or: ' ou ',
    },
    ambiguous: {
      title: 'Quel est le code ?',
      checking: 'Ce code se lit de plusieurs façons : vérification de celles qui existent…',
      question:
        'Selon le réglage du clavier du scanner, ce code se lit de plusieurs façons. Choisissez celui écrit sous le QR code du bénéficiaire :',
      none_exist: 'Aucune de ces lectures ne correspond à une réservation.',
      several_exist: 'Plusieurs de ces lectures correspondent à une réservation.',
      state: { exists: 'réservation trouvée', absent: 'introuvable', unchecked: 'non vérifiée' },
      calibrate_hint:
        'Pour ne plus avoir cette question : scannez un QR code pass Culture, ou le code de calibrage (Réglages → Scanner).',
    },
    status: {
      devices: 'Scanner : {{names}}',
      problem: 'Scanner {{name}} : {{state}}',
    },
    device_state: {
      ready: 'prêt',
      no_access: 'accès refusé',
      error: 'en erreur',
    },
    settings: {
      title: 'Scanner',
      description:
        'Un scanner branché en « clavier » tape les codes comme un clavier : le guichet reconnaît ses frappes où que soit le curseur, et retrouve le bon code quelle que soit la disposition du clavier du scanner ou du poste.',
      layout_title: 'Disposition du clavier du scanner',
      layout_known: 'Clavier {{layout}} — appris {{via}} le {{when}}.',
      layout_via: { qr: 'par un QR code', calibration: 'par le code de calibrage' },
      layout_unknown:
        'Pas encore connue : un code seul qui se lit de plusieurs façons est vérifié, ou la question est posée au guichet.',
      forget: 'Oublier la disposition',
      calibration_title: 'Code de calibrage',
      calibration_text:
        'Scannez ce code une fois avec chaque scanner du guichet (à l’écran ou imprimé), et après tout changement de réglage du scanner.',
      calibration_alt: 'Code-barres de calibrage du scanner',
      print: 'Imprimer le code de calibrage',
      devices_title: 'Scanners USB dédiés (HID-POS, port série)',
      devices_none:
        'Aucun scanner dédié branché. Les scanners en mode clavier n’apparaissent pas ici : ils marchent sans réglage.',
      usb_unavailable:
        'Le guichet ne peut pas lire les scanners USB dédiés sur ce poste (le détail est dans le journal technique) : les scanners en mode clavier marchent quand même.',
      device_no_access:
        'Accès refusé : sous Linux, une règle udev doit autoriser ce scanner ; sous Windows, il faut le pilote WinUSB.',
      device_error: 'Le scanner ne répond plus : débranchez-le et rebranchez-le.',
      refresh: 'Actualiser',
      test_title: 'Essai du scanner',
      test_hint:
        'Scannez un code ici pour voir ce que le guichet en lit : rien n’est recherché ni validé depuis cette page.',
      test_empty: 'Aucun scan pour l’instant.',
      keyboard: 'Scanner clavier',
      scan_fast: 'scan (rapide)',
      scan_slow: 'scan (lent)',
      typing: 'frappe au clavier',
      repeat: 'doublon ignoré',
      end: { suffix: 'fin : {{key}}', idle: 'fin : pause (sans suffixe)', interrupted: 'interrompu' },
      keys_title: 'Touches reçues, une à une (pour le support technique)',
      gap: '{{ms}} ms',
      column: { key: 'Touche', code: 'Position', shift: 'Maj', gap: 'Écart' },
      received: 'Reçu du scanner',
      reading: {
        typed: 'Tel que tapé sur ce poste',
        us: 'Scanner en US (QWERTY)',
        fr: 'Scanner en français (AZERTY)',
        be: 'Scanner en belge (AZERTY)',
        de: 'Scanner en allemand (QWERTZ)',
      },
      readings_title: 'Lectures possibles',
      decision: {
        token: 'Contremarque {{token}}',
        token_qr: 'Contremarque {{token}} (QR code)',
        ambiguous: 'Ambigu : {{candidates}} — le guichet vérifierait lesquels existent',
        calibration: 'Code de calibrage : clavier {{layout}}',
        not_a_countermark: "Ce code n'est pas une contremarque pass Culture.",
      },
      basis: {
        qr: 'le QR code désigne la bonne lecture',
        unanimous: 'toutes les lectures concordent',
        memory: 'lu avec la disposition apprise',
      },
      yes: 'oui',
    },
  },
} as const;
