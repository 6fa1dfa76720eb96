/**
 * Organisations that act in negotiations (blocs, alliances, international bodies, courts) and
 * armed or political groups, one per line:
 *
 *   id | kind | names | seats and metonyms | demonyms | leaders | region
 *
 * Kinds: `bloc` (answers to "the bloc"), `alliance` ("the alliance"), `body` ("the organisation",
 * "the agency"), `court` ("the court"), `group` (armed or political group: "the group",
 * "the movement", "the rebels", "the militia").
 */
export const ORGANISATIONS_TABLE = `
eu | bloc | European Union;EU;E.U.;European Commission;European Council;European Parliament | Brussels | European | Ursula von der Leyen;von der Leyen;Kaja Kallas;Kallas;António Costa | Europe
nato | alliance | NATO;North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Atlantic Alliance | | | Mark Rutte;Rutte;Jens Stoltenberg;Stoltenberg | Europe
un | body | United Nations;UN;U.N. | | | António Guterres;Antonio Guterres;Guterres | World
unsc | body | UN Security Council;U.N. Security Council;United Nations Security Council;Security Council | | | | World
osce | body | Organization for Security and Co-operation in Europe;OSCE | | | | Europe
asean | bloc | Association of Southeast Asian Nations;ASEAN | | | | Southeast Asia
quad | alliance | Quad;Quadrilateral Security Dialogue | | | | Indo-Pacific
aukus | alliance | AUKUS | | | | Indo-Pacific
sco | bloc | Shanghai Cooperation Organisation;Shanghai Cooperation Organization;SCO | | | | Asia
brics | bloc | BRICS | | | | World
g7 | bloc | G7;Group of Seven | | | | World
g20 | bloc | G20;Group of Twenty | | | | World
au | bloc | African Union;AU | | | | Africa
ecowas | bloc | Economic Community of West African States;ECOWAS | | | | Africa
aes | alliance | Alliance of Sahel States;AES;Confederation of Sahel States | | | | Africa
sadc | bloc | Southern African Development Community;SADC | | | | Africa
eac | bloc | East African Community;EAC | | | | Africa
igad | bloc | Intergovernmental Authority on Development;IGAD | | | | Africa
arab-league | bloc | Arab League;League of Arab States | | | | Middle East
gcc | bloc | Gulf Cooperation Council;GCC | | | | Middle East
opec | bloc | OPEC;OPEC+;Organization of the Petroleum Exporting Countries | | | | World
oic | bloc | Organisation of Islamic Cooperation;Organization of Islamic Cooperation;OIC | | | | World
mercosur | bloc | Mercosur;Mercosul | | | | Americas
oas | bloc | Organization of American States;OAS | | | | Americas
caricom | bloc | Caribbean Community;CARICOM;Caricom | | | | Americas
celac | bloc | CELAC | | | | Americas
pif | bloc | Pacific Islands Forum | | | | Oceania
wto | body | World Trade Organization;World Trade Organisation;WTO | | | | World
imf | body | International Monetary Fund;IMF | | | | World
world-bank | body | World Bank | | | | World
iaea | body | International Atomic Energy Agency;IAEA | | | Rafael Grossi;Grossi | World
icj | court | International Court of Justice;ICJ;World Court | | | | World
icc | court | International Criminal Court;ICC | | | | World
palestinian-authority | body | Palestinian Authority;PA | Ramallah | | Mahmoud Abbas;Abbas | Middle East
hamas | group | Hamas | | | Yahya Sinwar;Khalil al-Hayya | Middle East
hezbollah | group | Hezbollah | | | Naim Qassem | Middle East
houthis | group | Houthis;Houthi;Ansar Allah | | | | Middle East
taliban | group | Taliban | | | | South Asia
islamic-state | group | Islamic State;ISIS;ISIL;Daesh | | | | Middle East
pkk | group | PKK;Kurdistan Workers' Party | | | | Middle East
sdf | group | Syrian Democratic Forces;SDF | | | | Middle East
m23 | group | M23;March 23 Movement | | | | Africa
fdlr | group | FDLR;Democratic Forces for the Liberation of Rwanda | | | | Africa
rsf | group | Rapid Support Forces;RSF | | | Mohamed Hamdan Dagalo;Hemedti | Africa
al-shabaab | group | al-Shabaab;Al-Shabaab | | | | Africa
eln | group | ELN;National Liberation Army | | | | Americas
wagner | group | Wagner Group;Wagner;Africa Corps | | | | Africa
`;

/**
 * Sources: think tanks, news media and pollsters. They make and carry claims; they are never
 * actors of the draft scenario.
 *
 *   id | kind | names | country
 */
export const SOURCES_TABLE = `
quincy-institute | thinktank | Quincy Institute for Responsible Statecraft;Quincy Institute for Responsible Governance;Quincy Institute;Quincy;Responsible Statecraft | usa
brookings | thinktank | Brookings Institution;Brookings | usa
csis | thinktank | Center for Strategic and International Studies;CSIS | usa
rand | thinktank | RAND Corporation;RAND | usa
carnegie | thinktank | Carnegie Endowment for International Peace;Carnegie Endowment;Carnegie | usa
cfr | thinktank | Council on Foreign Relations;CFR | usa
heritage | thinktank | Heritage Foundation | usa
aei | thinktank | American Enterprise Institute;AEI | usa
hudson | thinktank | Hudson Institute | usa
atlantic-council | thinktank | Atlantic Council | usa
cnas | thinktank | Center for a New American Security;CNAS | usa
stimson | thinktank | Stimson Center | usa
wilson-center | thinktank | Wilson Center | usa
chicago-council | pollster | Chicago Council on Global Affairs;Chicago Council | usa
pew | pollster | Pew Research Center;Pew | usa
gallup | pollster | Gallup | usa
chatham-house | thinktank | Chatham House;Royal Institute of International Affairs | uk
iiss | thinktank | International Institute for Strategic Studies;IISS | uk
rusi | thinktank | Royal United Services Institute;RUSI | uk
ecfr | thinktank | European Council on Foreign Relations;ECFR | eu
crisis-group | thinktank | International Crisis Group;Crisis Group | eu
bruegel | thinktank | Bruegel | eu
swp | thinktank | German Institute for International and Security Affairs;SWP | germany
ifri | thinktank | French Institute of International Relations;Ifri;IFRI | france
sipri | thinktank | Stockholm International Peace Research Institute;SIPRI | sweden
lowy | thinktank | Lowy Institute | australia
aspi | thinktank | Australian Strategic Policy Institute;ASPI | australia
asan | thinktank | Asan Institute for Policy Studies;Asan Institute | south-korea
eai | thinktank | East Asia Institute | south-korea
jiia | thinktank | Japan Institute of International Affairs;JIIA | japan
orf | thinktank | Observer Research Foundation;ORF | india
iss-africa | thinktank | Institute for Security Studies | south-africa
valdai | thinktank | Valdai Discussion Club;Valdai | russia
ipsos | pollster | Ipsos | france
yougov | pollster | YouGov | uk
pulse-asia | pollster | Pulse Asia | philippines
afrobarometer | pollster | Afrobarometer | 
rco-news | media | RCO NEWS;RCO News;RCO | iran
isna | media | Iranian Students' News Agency;Iranian Students News Agency;ISNA;Isna | iran
irna | media | Islamic Republic News Agency;IRNA | iran
tasnim | media | Tasnim News Agency;Tasnim | iran
press-tv | media | Press TV | iran
reuters | media | Reuters | uk
ap | media | Associated Press;AP | usa
afp | media | Agence France-Presse;AFP | france
bloomberg | media | Bloomberg | usa
bbc | media | BBC | uk
cnn | media | CNN | usa
nyt | media | New York Times;The New York Times | usa
washington-post | media | Washington Post;The Washington Post | usa
wsj | media | Wall Street Journal;The Wall Street Journal;WSJ | usa
ft | media | Financial Times;FT | uk
guardian | media | The Guardian;Guardian | uk
economist | media | The Economist;Economist | uk
politico | media | Politico | usa
foreign-affairs | media | Foreign Affairs | usa
foreign-policy | media | Foreign Policy | usa
al-jazeera | media | Al Jazeera | qatar
xinhua | media | Xinhua;Xinhua News Agency | china
global-times | media | Global Times | china
cgtn | media | CGTN | china
tass | media | TASS;Tass | russia
ria-novosti | media | RIA Novosti | russia
yonhap | media | Yonhap;Yonhap News Agency | south-korea
kyodo | media | Kyodo;Kyodo News | japan
nhk | media | NHK | japan
nikkei | media | Nikkei;Nikkei Asia | japan
asahi | media | Asahi Shimbun;Asahi | japan
yomiuri | media | Yomiuri Shimbun;Yomiuri | japan
mainichi | media | Mainichi Shimbun;Mainichi | japan
joongang | media | JoongAng Ilbo;JoongAng | south-korea
korea-herald | media | Korea Herald;The Korea Herald | south-korea
korea-times | media | Korea Times;The Korea Times | south-korea
scmp | media | South China Morning Post;SCMP | china
straits-times | media | Straits Times;The Straits Times | singapore
abc-australia | media | ABC;Australian Broadcasting Corporation | australia
anadolu | media | Anadolu Agency;Anadolu | turkey
le-monde | media | Le Monde | france
spiegel | media | Der Spiegel;Spiegel | germany
el-mercurio | media | El Mercurio | chile
dawn | media | Dawn | pakistan
times-of-india | media | Times of India;The Times of India | india
haaretz | media | Haaretz | israel
`;

/**
 * Places that contain a state's name but are not the state ("South China Sea", "Korean
 * Peninsula"): matched so that they shadow the state, and never reported.
 */
export const PLACES = [
  'Korean Peninsula',
  'Taiwan Strait',
  'Taiwan Straits',
  'South China Sea',
  'East China Sea',
  'West Philippine Sea',
  'Sea of Japan',
  'Yellow Sea',
  'Persian Gulf',
  'Arabian Gulf',
  'Gulf of Aden',
  'Gulf of Mexico',
  'Gulf of America',
  'Gulf of Guinea',
  'Red Sea',
  'Black Sea',
  'Baltic Sea',
  'Caspian Sea',
  'Mediterranean',
  'Sea of Azov',
  'Strait of Hormuz',
  'Strait of Malacca',
  'Bab el-Mandeb',
  'Horn of Africa',
  'Panama Canal',
  'Suez Canal',
  'Gaza Strip',
  'Gaza',
  'West Bank',
  'Golan Heights',
  'Kashmir',
  'Karabakh',
  'Nagorno-Karabakh',
  'Crimea',
  'Donbas',
  'Essequibo',
  'Sahel',
  'Arctic',
  'Greenland',
  'Indo-Pacific',
  'Asia-Pacific',
  'East Asia',
  'Southeast Asia',
  'South Asia',
  'Central Asia',
  'Middle East',
  'Latin America',
  'South America',
  'North America',
  'Central America',
  'Asia',
  'Europe',
  'Africa',
  'Nile',
  'Indus',
  'Luzon',
  'Okinawa',
];
