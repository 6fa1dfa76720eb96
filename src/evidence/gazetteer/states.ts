/**
 * States: names and aliases, capitals and metonyms, demonyms, the plural noun for their people,
 * and leaders and ministers in office in 2024-2025 (leaders change: extend the table or pass a
 * scenario's aliases). One line per state, fields separated by `|`, list items by `;`:
 *
 *   id | names | capitals and metonyms | demonyms | people | leaders | region | flags
 *
 * Flags: `monarchy` (answers to "the kingdom"), `island` (answers to "the island").
 */
export const STATES_TABLE = `
usa | United States;United States of America;US;U.S.;USA;U.S.A.;America | Washington;White House;Pentagon;State Department;Foggy Bottom;Capitol Hill | American;US | Americans | Donald Trump;Trump;Joe Biden;Biden;Marco Rubio;Rubio;Pete Hegseth;Hegseth;JD Vance;Antony Blinken;Blinken | Americas |
canada | Canada | Ottawa | Canadian | Canadians | Mark Carney;Carney;Justin Trudeau;Trudeau | Americas |
mexico | Mexico | Mexico City | Mexican | Mexicans | Claudia Sheinbaum;Sheinbaum | Americas |
cuba | Cuba | Havana | Cuban | Cubans | Miguel Díaz-Canel;Díaz-Canel | Americas | island
guatemala | Guatemala | Guatemala City | Guatemalan | Guatemalans | Bernardo Arévalo | Americas |
honduras | Honduras | Tegucigalpa | Honduran | Hondurans | | Americas |
el-salvador | El Salvador | San Salvador | Salvadoran | Salvadorans | Nayib Bukele;Bukele | Americas |
nicaragua | Nicaragua | Managua | Nicaraguan | Nicaraguans | Daniel Ortega;Ortega | Americas |
costa-rica | Costa Rica | San José | Costa Rican | Costa Ricans | | Americas |
panama | Panama | Panama City | Panamanian | Panamanians | José Raúl Mulino;Mulino | Americas |
haiti | Haiti | Port-au-Prince | Haitian | Haitians | | Americas |
dominican-republic | Dominican Republic | Santo Domingo | Dominican | Dominicans | | Americas |
jamaica | Jamaica | Kingston | Jamaican | Jamaicans | | Americas | island
trinidad-and-tobago | Trinidad and Tobago | Port of Spain | Trinidadian | Trinidadians | | Americas | island
colombia | Colombia | Bogotá;Bogota | Colombian | Colombians | Gustavo Petro;Petro | Americas |
venezuela | Venezuela | Caracas;Miraflores | Venezuelan | Venezuelans | Nicolás Maduro;Nicolas Maduro;Maduro | Americas |
guyana | Guyana | Georgetown | Guyanese | | Irfaan Ali | Americas |
suriname | Suriname | Paramaribo | Surinamese | | | Americas |
ecuador | Ecuador | Quito | Ecuadorian;Ecuadorean | Ecuadorians | Daniel Noboa;Noboa | Americas |
peru | Peru | Lima | Peruvian | Peruvians | | Americas |
bolivia | Bolivia | La Paz;Sucre | Bolivian | Bolivians | Luis Arce;Arce;Rodrigo Paz | Americas |
brazil | Brazil | Brasília;Brasilia;Planalto;Itamaraty | Brazilian | Brazilians | Luiz Inácio Lula da Silva;Lula da Silva;Lula;Mauro Vieira | Americas |
paraguay | Paraguay | Asunción;Asuncion | Paraguayan | Paraguayans | Santiago Peña | Americas |
uruguay | Uruguay | Montevideo | Uruguayan | Uruguayans | Yamandú Orsi | Americas |
argentina | Argentina | Buenos Aires;Casa Rosada | Argentine;Argentinian | Argentines;Argentinians | Javier Milei;Milei | Americas |
chile | Chile | Santiago;La Moneda | Chilean | Chileans | Gabriel Boric;Boric | Americas |
uk | United Kingdom;UK;U.K.;Britain;Great Britain | London;Downing Street;Whitehall;Westminster | British | Britons | Keir Starmer;Starmer;David Lammy;Lammy | Europe | monarchy
ireland | Ireland;Republic of Ireland | Dublin | Irish | | | Europe | island
france | France | Paris;Élysée;Elysee;Élysée Palace;Quai d'Orsay | French | | Emmanuel Macron;Macron;Jean-Noël Barrot | Europe |
germany | Germany | Berlin;Bundestag | German | Germans | Friedrich Merz;Merz;Olaf Scholz;Scholz;Johann Wadephul | Europe |
netherlands | Netherlands;the Netherlands;Holland | The Hague;Amsterdam | Dutch | | | Europe | monarchy
belgium | Belgium | | Belgian | Belgians | | Europe | monarchy
luxembourg | Luxembourg | | Luxembourgish | | | Europe |
switzerland | Switzerland | Bern | Swiss | | | Europe |
austria | Austria | Vienna | Austrian | Austrians | | Europe |
italy | Italy | Rome;Palazzo Chigi | Italian | Italians | Giorgia Meloni;Meloni | Europe |
spain | Spain | Madrid;Moncloa | Spanish | Spaniards | Pedro Sánchez;Pedro Sanchez | Europe | monarchy
portugal | Portugal | Lisbon | Portuguese | | | Europe |
greece | Greece | Athens | Greek | Greeks | Kyriakos Mitsotakis;Mitsotakis | Europe |
cyprus | Cyprus | Nicosia | Cypriot | Cypriots | | Europe | island
malta | Malta | Valletta | Maltese | | | Europe | island
denmark | Denmark | Copenhagen | Danish | Danes | Mette Frederiksen;Frederiksen | Europe | monarchy
norway | Norway | Oslo | Norwegian | Norwegians | Jonas Gahr Støre | Europe | monarchy
sweden | Sweden | Stockholm | Swedish | Swedes | Ulf Kristersson;Kristersson | Europe | monarchy
finland | Finland | Helsinki | Finnish | Finns | Alexander Stubb;Stubb | Europe |
iceland | Iceland | Reykjavik | Icelandic | Icelanders | | Europe | island
estonia | Estonia | Tallinn | Estonian | Estonians | | Europe |
latvia | Latvia | Riga | Latvian | Latvians | | Europe |
lithuania | Lithuania | Vilnius | Lithuanian | Lithuanians | | Europe |
poland | Poland | Warsaw | Polish | Poles | Donald Tusk;Tusk;Radosław Sikorski;Sikorski;Karol Nawrocki;Nawrocki | Europe |
czechia | Czech Republic;Czechia | Prague | Czech | Czechs | | Europe |
slovakia | Slovakia | Bratislava | Slovak | Slovaks | Robert Fico;Fico | Europe |
hungary | Hungary | Budapest | Hungarian | Hungarians | Viktor Orbán;Viktor Orban;Orbán;Orban;Péter Szijjártó;Szijjártó | Europe |
romania | Romania | Bucharest | Romanian | Romanians | | Europe |
bulgaria | Bulgaria | Sofia | Bulgarian | Bulgarians | | Europe |
slovenia | Slovenia | Ljubljana | Slovenian;Slovene | Slovenians | | Europe |
croatia | Croatia | Zagreb | Croatian | Croatians;Croats | | Europe |
serbia | Serbia | Belgrade | Serbian | Serbs;Serbians | Aleksandar Vučić;Vučić;Vucic | Europe |
bosnia | Bosnia and Herzegovina;Bosnia | Sarajevo | Bosnian | Bosnians | | Europe |
montenegro | Montenegro | Podgorica | Montenegrin | Montenegrins | | Europe |
albania | Albania | Tirana | Albanian | Albanians | Edi Rama | Europe |
north-macedonia | North Macedonia | Skopje | Macedonian | Macedonians | | Europe |
kosovo | Kosovo | Pristina | Kosovar | Kosovars | | Europe |
moldova | Moldova | Chișinău;Chisinau | Moldovan | Moldovans | Maia Sandu;Sandu | Europe |
ukraine | Ukraine | Kyiv;Kiev | Ukrainian | Ukrainians | Volodymyr Zelensky;Volodymyr Zelenskyy;Zelensky;Zelenskyy;Andrii Sybiha | Europe |
belarus | Belarus | Minsk | Belarusian | Belarusians | Alexander Lukashenko;Lukashenko | Europe |
russia | Russia;Russian Federation | Moscow;Kremlin | Russian | Russians | Vladimir Putin;Putin;Sergei Lavrov;Lavrov;Dmitry Peskov;Peskov | Europe |
georgia | Georgia | Tbilisi | Georgian | Georgians | | Caucasus |
armenia | Armenia | Yerevan | Armenian | Armenians | Nikol Pashinyan;Pashinyan;Ararat Mirzoyan | Caucasus |
azerbaijan | Azerbaijan | Baku | Azerbaijani;Azeri | Azerbaijanis;Azeris | Ilham Aliyev;Aliyev;Jeyhun Bayramov | Caucasus |
turkey | Turkey;Türkiye;Turkiye | Ankara | Turkish | Turks | Recep Tayyip Erdoğan;Recep Tayyip Erdogan;Erdoğan;Erdogan;Hakan Fidan;Fidan | Middle East |
israel | Israel | Jerusalem;Tel Aviv;Knesset | Israeli | Israelis | Benjamin Netanyahu;Netanyahu;Gideon Saar;Israel Katz | Middle East |
palestine | Palestine;State of Palestine | Ramallah | Palestinian | Palestinians | | Middle East |
lebanon | Lebanon | Beirut | Lebanese | | Joseph Aoun;Nawaf Salam | Middle East |
syria | Syria | Damascus | Syrian | Syrians | Ahmed al-Sharaa;al-Sharaa;Bashar al-Assad;Assad | Middle East |
jordan | Jordan | Amman | Jordanian | Jordanians | King Abdullah II | Middle East | monarchy
iraq | Iraq | Baghdad | Iraqi | Iraqis | | Middle East |
iran | Iran;Islamic Republic | Tehran;Majlis | Iranian | Iranians | Ali Khamenei;Khamenei;Masoud Pezeshkian;Pezeshkian;Abbas Araghchi;Araghchi | Middle East |
saudi-arabia | Saudi Arabia | Riyadh | Saudi | Saudis | Mohammed bin Salman;bin Salman;MBS;King Salman;Faisal bin Farhan | Middle East | monarchy
uae | United Arab Emirates;UAE;Emirates | Abu Dhabi | Emirati | Emiratis | Mohamed bin Zayed | Middle East | monarchy
qatar | Qatar | Doha | Qatari | Qataris | Tamim bin Hamad Al Thani;Sheikh Tamim;Mohammed bin Abdulrahman Al Thani | Middle East | monarchy
bahrain | Bahrain | Manama | Bahraini | Bahrainis | | Middle East | monarchy
kuwait | Kuwait | Kuwait City | Kuwaiti | Kuwaitis | | Middle East | monarchy
oman | Oman | Muscat | Omani | Omanis | | Middle East | monarchy
yemen | Yemen | Sanaa;Sana'a;Aden | Yemeni | Yemenis | | Middle East |
egypt | Egypt | Cairo | Egyptian | Egyptians | Abdel Fattah el-Sisi;Abdel Fattah al-Sisi;el-Sisi;al-Sisi;Sisi;Badr Abdelatty | Middle East |
libya | Libya | Tripoli;Benghazi | Libyan | Libyans | | Africa |
tunisia | Tunisia | Tunis | Tunisian | Tunisians | Kais Saied | Africa |
algeria | Algeria | Algiers | Algerian | Algerians | Abdelmadjid Tebboune;Tebboune | Africa |
morocco | Morocco | Rabat | Moroccan | Moroccans | | Africa | monarchy
mauritania | Mauritania | Nouakchott | Mauritanian | Mauritanians | | Africa |
senegal | Senegal | Dakar | Senegalese | | Bassirou Diomaye Faye;Ousmane Sonko | Africa |
gambia | Gambia;The Gambia | Banjul | Gambian | Gambians | | Africa |
guinea-bissau | Guinea-Bissau | Bissau | Bissau-Guinean | | | Africa |
guinea | Guinea | Conakry | Guinean | Guineans | Mamadi Doumbouya | Africa |
sierra-leone | Sierra Leone | Freetown | Sierra Leonean | | | Africa |
liberia | Liberia | Monrovia | Liberian | Liberians | | Africa |
ivory-coast | Ivory Coast;Côte d'Ivoire;Cote d'Ivoire | Abidjan;Yamoussoukro | Ivorian | Ivorians | | Africa |
ghana | Ghana | Accra | Ghanaian | Ghanaians | John Mahama;Mahama | Africa |
togo | Togo | Lomé;Lome | Togolese | | | Africa |
benin | Benin | Porto-Novo;Cotonou | Beninese | | | Africa |
nigeria | Nigeria | Abuja | Nigerian | Nigerians | Bola Tinubu;Tinubu | Africa |
niger | Niger | Niamey | Nigerien | Nigeriens | Abdourahamane Tiani;Tiani | Africa |
mali | Mali | Bamako | Malian | Malians | Assimi Goïta;Assimi Goita;Goïta;Goita | Africa |
burkina-faso | Burkina Faso;Burkina | Ouagadougou | Burkinabe;Burkinabè | | Ibrahim Traoré;Ibrahim Traore;Traoré | Africa |
chad | Chad | N'Djamena | Chadian | Chadians | Mahamat Déby | Africa |
cameroon | Cameroon | Yaoundé;Yaounde | Cameroonian | Cameroonians | Paul Biya;Biya | Africa |
central-african-republic | Central African Republic;CAR | Bangui | Central African | | | Africa |
gabon | Gabon | Libreville | Gabonese | | | Africa |
congo | Republic of the Congo;Congo-Brazzaville | Brazzaville | | | | Africa |
drc | Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC;Congo-Kinshasa;Congo | Kinshasa | Congolese | | Félix Tshisekedi;Felix Tshisekedi;Tshisekedi | Africa |
rwanda | Rwanda | Kigali | Rwandan | Rwandans | Paul Kagame;Kagame | Africa |
burundi | Burundi | Gitega;Bujumbura | Burundian | Burundians | | Africa |
uganda | Uganda | Kampala | Ugandan | Ugandans | Yoweri Museveni;Museveni | Africa |
kenya | Kenya | Nairobi | Kenyan | Kenyans | William Ruto;Ruto | Africa |
tanzania | Tanzania | Dodoma;Dar es Salaam | Tanzanian | Tanzanians | Samia Suluhu Hassan | Africa |
ethiopia | Ethiopia | Addis Ababa | Ethiopian | Ethiopians | Abiy Ahmed;Abiy | Africa |
eritrea | Eritrea | Asmara | Eritrean | Eritreans | Isaias Afwerki | Africa |
djibouti | Djibouti | | Djiboutian | | | Africa |
somalia | Somalia | Mogadishu | Somali | Somalis | Hassan Sheikh Mohamud | Africa |
somaliland | Somaliland | Hargeisa | Somalilander | | | Africa |
sudan | Sudan | Khartoum;Port Sudan | Sudanese | | Abdel Fattah al-Burhan;al-Burhan;Burhan | Africa |
south-sudan | South Sudan | Juba | South Sudanese | | Salva Kiir | Africa |
angola | Angola | Luanda | Angolan | Angolans | João Lourenço | Africa |
zambia | Zambia | Lusaka | Zambian | Zambians | | Africa |
zimbabwe | Zimbabwe | Harare | Zimbabwean | Zimbabweans | | Africa |
mozambique | Mozambique | Maputo | Mozambican | Mozambicans | | Africa |
malawi | Malawi | Lilongwe | Malawian | Malawians | | Africa |
namibia | Namibia | Windhoek | Namibian | Namibians | | Africa |
botswana | Botswana | Gaborone | | | | Africa |
south-africa | South Africa | Pretoria;Cape Town | South African | South Africans | Cyril Ramaphosa;Ramaphosa | Africa |
madagascar | Madagascar | Antananarivo | Malagasy | | | Africa | island
kazakhstan | Kazakhstan | Astana | Kazakh | Kazakhs | Kassym-Jomart Tokayev;Tokayev | Central Asia |
uzbekistan | Uzbekistan | Tashkent | Uzbek | Uzbeks | | Central Asia |
kyrgyzstan | Kyrgyzstan | Bishkek | Kyrgyz | | | Central Asia |
tajikistan | Tajikistan | Dushanbe | Tajik | Tajiks | | Central Asia |
turkmenistan | Turkmenistan | Ashgabat | Turkmen | | | Central Asia |
afghanistan | Afghanistan | Kabul | Afghan | Afghans | | South Asia |
pakistan | Pakistan | Islamabad;Rawalpindi | Pakistani | Pakistanis | Shehbaz Sharif;Sharif;Asim Munir;Munir;Ishaq Dar | South Asia |
india | India | New Delhi;Delhi;South Block | Indian | Indians | Narendra Modi;Modi;Subrahmanyam Jaishankar;S. Jaishankar;Jaishankar | South Asia |
bangladesh | Bangladesh | Dhaka | Bangladeshi | Bangladeshis | Muhammad Yunus;Yunus | South Asia |
nepal | Nepal | Kathmandu | Nepali;Nepalese | | | South Asia |
bhutan | Bhutan | Thimphu | Bhutanese | | | South Asia | monarchy
sri-lanka | Sri Lanka | Colombo | Sri Lankan | Sri Lankans | | South Asia | island
maldives | Maldives | Malé;Male | Maldivian | Maldivians | Mohamed Muizzu;Muizzu | South Asia | island
china | China;People's Republic of China;PRC | Beijing;Zhongnanhai | Chinese | | Xi Jinping;Xi;Wang Yi;Li Qiang | East Asia |
taiwan | Taiwan;Republic of China;ROC | Taipei | Taiwanese | | Lai Ching-te;William Lai;Tsai Ing-wen | East Asia | island
japan | Japan | Tokyo;Kasumigaseki | Japanese | | Sanae Takaichi;Takaichi;Shigeru Ishiba;Ishiba;Fumio Kishida;Kishida | East Asia | island
south-korea | South Korea;Republic of Korea;ROK;Korea | Seoul;Blue House;Yongsan | South Korean;Korean | South Koreans;Koreans | Lee Jae-myung;Lee Jae Myung;Yoon Suk Yeol;Yoon | East Asia |
north-korea | North Korea;DPRK;Democratic People's Republic of Korea | Pyongyang | North Korean | North Koreans | Kim Jong Un;Kim Jong-un | East Asia |
mongolia | Mongolia | Ulaanbaatar | Mongolian | Mongolians | | East Asia |
philippines | Philippines;Republic of the Philippines | Manila;Malacañang;Malacanang | Philippine;Filipino | Filipinos | Ferdinand Marcos Jr.;Ferdinand Marcos;Bongbong Marcos;Marcos | Southeast Asia | island
vietnam | Vietnam;Viet Nam | Hanoi | Vietnamese | | To Lam | Southeast Asia |
laos | Laos | Vientiane | Lao;Laotian | | | Southeast Asia |
cambodia | Cambodia | Phnom Penh | Cambodian | Cambodians | Hun Manet | Southeast Asia | monarchy
thailand | Thailand | Bangkok | Thai | | | Southeast Asia | monarchy
myanmar | Myanmar;Burma | Naypyidaw;Naypyitaw | Burmese | | Min Aung Hlaing | Southeast Asia |
malaysia | Malaysia | Kuala Lumpur;Putrajaya | Malaysian | Malaysians | Anwar Ibrahim;Anwar | Southeast Asia | monarchy
singapore | Singapore | | Singaporean | Singaporeans | Lawrence Wong | Southeast Asia | island
indonesia | Indonesia | Jakarta | Indonesian | Indonesians | Prabowo Subianto;Prabowo | Southeast Asia | island
brunei | Brunei | Bandar Seri Begawan | Bruneian | | | Southeast Asia | monarchy
timor-leste | Timor-Leste;East Timor | Dili | Timorese | | | Southeast Asia | island
australia | Australia | Canberra | Australian | Australians | Anthony Albanese;Albanese;Penny Wong;Richard Marles | Oceania |
new-zealand | New Zealand | Wellington | New Zealand | New Zealanders | Christopher Luxon;Luxon;Winston Peters | Oceania | island
papua-new-guinea | Papua New Guinea;PNG | Port Moresby | Papua New Guinean | | James Marape | Oceania | island
solomon-islands | Solomon Islands | Honiara | Solomon Islands;Solomon Island | Solomon Islanders | Manasseh Sogavare;Sogavare;Jeremiah Manele | Oceania | island
fiji | Fiji | Suva | Fijian | Fijians | Sitiveni Rabuka;Rabuka | Oceania | island
vanuatu | Vanuatu | Port Vila | Vanuatuan | | | Oceania | island
samoa | Samoa | Apia | Samoan | Samoans | | Oceania | island
tonga | Tonga | Nuku'alofa | Tongan | Tongans | | Oceania | island
kiribati | Kiribati | Tarawa | | | | Oceania | island
`;
